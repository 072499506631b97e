namespace ImpactMeasure.Reports.Disclosure;

/// <summary>The linear relations a reader of a release can use, derived from the cells' addresses: a total is the
/// sum of its parts along each dimension (months → window, services → all, referrer roles → all, practices and
/// PCNs → all, practices ↔ their PCNs), and measures that partition another (decisions = accepted + rejected for
/// capacity + rejected as inappropriate) or are bounded by it (people improved ≤ people with both scores).</summary>
public static class ReleaseIdentities
{
    /// <summary>Measure relations: the total, its parts, and whether the parts add up to it exactly.</summary>
    public static readonly IReadOnlyList<(string Total, string[] Parts, bool Exact)> Measures =
    [
        (MeasureNames.WithDecision, [MeasureNames.AcceptedByService, MeasureNames.RejectedCapacity, MeasureNames.RejectedInappropriate], true),
        (MeasureNames.Referrals, [MeasureNames.WithDecision, MeasureNames.DeclinedByPatient, MeasureNames.Pending], false),
        (MeasureNames.AcceptedByService, [MeasureNames.Attended], false),
        (MeasureNames.Signposted, [MeasureNames.Diverted, MeasureNames.NoResponse], false),
        (MeasureNames.Diverted, [MeasureNames.NavigationAttended], false),
        // Diverted events split exactly by whether they could free a GP appointment and how far they were followed up.
        (MeasureNames.Diverted, [MeasureNames.NotRequested, MeasureNames.FollowUpComplete, MeasureNames.FollowUpIncomplete, MeasureNames.NoPatientLevel], true),
        (MeasureNames.Diverted, [MeasureNames.RequestedUnknown], false),
        (MeasureNames.FollowUpComplete, [MeasureNames.Represented], false),
        (MeasureNames.WellbeingBaseline, [MeasureNames.WellbeingBoth, MeasureNames.WellbeingLost], true),
        (MeasureNames.WellbeingBoth, [MeasureNames.WellbeingImproved], false),
    ];

    public static List<Identity> Build(Release release)
    {
        ArgumentNullException.ThrowIfNull(release);
        var identities = new List<Identity>();
        AddMeasureRelations(release, identities);
        AddHierarchy(release, identities, "month", k => k.Month, k => k with { Month = "" }, p => p.Contains("..", StringComparison.Ordinal), Months);
        AddHierarchy(release, identities, "service", k => k.Service, k => k with { Service = "" }, IsAll, (_, child) => child != CellKey.All);
        AddHierarchy(release, identities, "referrer", k => k.Referrer, k => k with { Referrer = "" }, IsAll, (_, child) => child != CellKey.All);
        AddHierarchy(release, identities, "pcn", k => k.Geo, k => k with { Geo = "" }, IsAll, (_, child) => child.StartsWith("pcn:", StringComparison.Ordinal));
        AddHierarchy(release, identities, "practice", k => k.Geo, k => k with { Geo = "" }, IsAll, (_, child) => child.StartsWith("practice:", StringComparison.Ordinal));
        // Only link workers' referrals are broken out by role, so the role total bounds them rather than adding up.
        AddHierarchy(release, identities, "role", k => k.Role, k => k with { Role = "" }, IsAll, (_, child) => child != CellKey.All, exact: false);
        AddMembership(release, identities);
        foreach (var identity in identities)
            Verify(release, identity);
        return identities;
    }

    private static void AddMeasureRelations(Release release, List<Identity> identities)
    {
        foreach (var key in release.Keys)
        {
            foreach (var (total, parts, exact) in Measures)
            {
                if (key.Measure != total)
                    continue;
                var present = parts.Select(p => key.WithMeasure(p)).Where(release.Contains).ToList();
                if (present.Count == 0)
                    continue;
                var isExact = exact && present.Count == parts.Length;
                identities.Add(Line(release, key, present, isExact, () => $"{total} {(isExact ? "=" : "≥")} {string.Join(" + ", present.Select(p => p.Measure))} at {key}"));
            }
        }
    }

    private static bool IsAll(string level) => level == CellKey.All;

    private static bool Months(string parent, string child)
    {
        var range = parent.Split("..");
        return range.Length == 2 && !child.Contains("..", StringComparison.Ordinal)
            && string.CompareOrdinal(child, range[0]) >= 0 && string.CompareOrdinal(child, range[1]) <= 0;
    }

    private static void AddHierarchy(Release release, List<Identity> identities, string name, Func<CellKey, string> level, Func<CellKey, CellKey> rest,
        Func<string, bool> isParent, Func<string, string, bool> isChild, bool exact = true)
    {
        foreach (var group in release.Keys.GroupBy(rest))
        {
            var cells = group.ToList();
            foreach (var parent in cells.Where(c => isParent(level(c))))
            {
                var children = cells.Where(c => isChild(level(parent), level(c))).ToList();
                if (children.Count > 0)
                    identities.Add(Line(release, parent, children, exact, () => $"{name}: {parent} {(exact ? "=" : "≥")} sum of {children.Count}"));
            }
        }
    }

    // A practice that moved PCN in the window is counted in two PCNs, so PCNs and practices are tied together in
    // connected groups: the PCNs of a group add up to the practices of the group.
    private static void AddMembership(Release release, List<Identity> identities)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string x)
        {
            while (parent.TryGetValue(x, out var p) && p != x)
                x = p;
            return x;
        }
        foreach (var (practice, pcn) in release.Members)
        {
            var (a, b) = (Find("practice:" + practice), Find("pcn:" + pcn));
            parent.TryAdd(a, a);
            parent.TryAdd(b, b);
            if (a != b)
                parent[a] = b;
        }
        foreach (var group in release.Keys.Where(k => parent.ContainsKey(k.Geo)).GroupBy(k => (Cell: k with { Geo = "" }, Root: Find(k.Geo))))
        {
            var pcns = group.Where(k => k.Geo.StartsWith("pcn:", StringComparison.Ordinal)).ToList();
            var practices = group.Where(k => k.Geo.StartsWith("practice:", StringComparison.Ordinal)).ToList();
            if (pcns.Count == 0 || practices.Count == 0)
                continue;
            var cells = pcns.Concat(practices).Select(release.IndexOf).ToArray();
            var coefficients = pcns.Select(_ => 1).Concat(practices.Select(_ => -1)).ToArray();
            identities.Add(new Identity(cells, coefficients, true, () => $"PCNs {string.Join("+", pcns.Select(p => p.Geo))} = their practices, {group.Key.Cell}"));
        }
    }

    private static Identity Line(Release release, CellKey total, List<CellKey> parts, bool exact, Func<string> description) =>
        new([release.IndexOf(total), .. parts.Select(release.IndexOf)], [1, .. parts.Select(_ => -1)], exact, description);

    private static void Verify(Release release, Identity identity)
    {
        var sum = identity.Cells.Select((c, i) => identity.Coefficients[i] * release.Values[c]).Sum();
        if (identity.Exact ? sum != 0 : sum < 0)
            throw new InvalidOperationException($"the release breaks its own identity {identity.Describe()} (difference {sum}): a table's cells are mis-addressed");
    }
}
