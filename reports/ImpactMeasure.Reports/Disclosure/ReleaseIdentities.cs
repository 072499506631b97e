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
        var codes = new KeyCodes(release);
        // Each family of identities only reads the release, so they are built side by side and joined in a fixed order.
        Action<List<Identity>>[] families =
        [
            list => AddMeasureRelations(release, codes, list),
            list => AddHierarchy(release, codes, list, "month", KeyCodes.Month, p => p.Contains("..", StringComparison.Ordinal), Months),
            list => AddHierarchy(release, codes, list, "service", KeyCodes.Service, IsAll, (_, child) => child != CellKey.All),
            list => AddHierarchy(release, codes, list, "referrer", KeyCodes.Referrer, IsAll, (_, child) => child != CellKey.All),
            list => AddHierarchy(release, codes, list, "pcn", KeyCodes.Geo, IsAll, (_, child) => child.StartsWith("pcn:", StringComparison.Ordinal)),
            list => AddHierarchy(release, codes, list, "practice", KeyCodes.Geo, IsAll, (_, child) => child.StartsWith("practice:", StringComparison.Ordinal)),
            // Only link workers' referrals are broken out by role, so the role total bounds them rather than adding up.
            list => AddHierarchy(release, codes, list, "role", KeyCodes.Role, IsAll, (_, child) => child != CellKey.All, exact: false),
            list => AddMembership(release, codes, list),
            // Patients' groups (deprivation quintile, age band, sex; 'Unknown' among them) each add up to the total.
            list => AddHierarchy(release, codes, list, "equity imd", KeyCodes.Group, IsAll, (_, child) => IsGroup(child, "imd:")),
            list => AddHierarchy(release, codes, list, "equity age", KeyCodes.Group, IsAll, (_, child) => IsGroup(child, "age:")),
            list => AddHierarchy(release, codes, list, "equity sex", KeyCodes.Group, IsAll, (_, child) => IsGroup(child, "sex:")),
            // Wellbeing by patient group: each family's groups on an instrument add up to the instrument's count.
            list => AddHierarchy(release, codes, list, "wellbeing imd", KeyCodes.Group, IsInstrument, (parent, child) => IsGroupOn(child, "imd:", parent)),
            list => AddHierarchy(release, codes, list, "wellbeing age", KeyCodes.Group, IsInstrument, (parent, child) => IsGroupOn(child, "age:", parent)),
            list => AddHierarchy(release, codes, list, "wellbeing sex", KeyCodes.Group, IsInstrument, (parent, child) => IsGroupOn(child, "sex:", parent)),
            // A PCN pack's comparator ICB holds the PCN: each of its counts bounds the pack area's.
            list => AddHierarchy(release, codes, list, "comparator", KeyCodes.Geo, p => p.StartsWith(CellKey.IcbPrefix, StringComparison.Ordinal),
                (_, child) => child == CellKey.All, exact: false),
        ];
        var built = families.Select(_ => new List<Identity>()).ToArray();
        Parallel.For(0, families.Length, f => families[f](built[f]));
        var identities = built.SelectMany(b => b).ToList();
        Parallel.ForEach(identities, identity => Verify(release, identity));
        return identities;
    }

    private static void AddMeasureRelations(Release release, KeyCodes codes, List<Identity> identities)
    {
        // Measures by coordinate number, so each cell is matched by a number, not by ten string comparisons.
        var names = codes.Names(KeyCodes.Measure);
        var measure = codes.Coordinates(KeyCodes.Measure);
        var relations = Enumerable.Range(0, names.Count)
            .Select(n => Measures.Where(m => m.Total == names[n]).Select(m => (m.Total, Parts: m.Parts.Select(codes.MeasureNumber).ToArray(), m.Exact)).ToArray())
            .ToArray();
        for (var cell = 0; cell < release.Keys.Count; cell++)
        {
            var key = release.Keys[cell];
            foreach (var (total, parts, exact) in relations[measure[cell]])
            {
                var present = new List<int>(parts.Length);
                foreach (var part in parts)
                {
                    if (codes.WithMeasure(cell, part) is { } other)
                        present.Add(other);
                }
                if (present.Count == 0)
                    continue;
                var isExact = exact && present.Count == parts.Length;
                identities.Add(Line(cell, present, isExact,
                    () => $"{total} {(isExact ? "=" : "≥")} {string.Join(" + ", present.Select(p => release.Keys[p].Measure))} at {key}"));
            }
        }
    }

    private static bool IsAll(string level) => level == CellKey.All;

    // A patient group's own coordinate (imd:1), not a group on an instrument (imd:1@SWEMWBS).
    private static bool IsGroup(string level, string family) =>
        level.StartsWith(family, StringComparison.Ordinal) && !level.Contains(Equity.EquityWellbeingRow.InstrumentSeparator, StringComparison.Ordinal);

    // An instrument's coordinate: neither all nor a patient group.
    private static bool IsInstrument(string level) => level != CellKey.All && !level.Contains(':', StringComparison.Ordinal);

    private static bool IsGroupOn(string level, string family, string instrument) =>
        level.StartsWith(family, StringComparison.Ordinal) && level.EndsWith(Equity.EquityWellbeingRow.InstrumentSeparator + instrument, StringComparison.Ordinal);

    private static bool Months(string parent, string child)
    {
        var range = parent.Split("..");
        return range.Length == 2 && !child.Contains("..", StringComparison.Ordinal)
            && string.CompareOrdinal(child, range[0]) >= 0 && string.CompareOrdinal(child, range[1]) <= 0;
    }

    /// <summary>Each parent cell equals (or bounds) its children: the cells at the same address but in the
    /// <paramref name="dimension"/>, whose coordinate there is a child of the parent's. The tests are made once per
    /// pair of coordinates, and only cells a test picks are grouped (nationally most families touch few cells).</summary>
    private static void AddHierarchy(Release release, KeyCodes codes, List<Identity> identities, string name, int dimension,
        Func<string, bool> isParent, Func<string, string, bool> isChild, bool exact = true)
    {
        var names = codes.Names(dimension);
        var parents = Enumerable.Range(0, names.Count).Where(n => isParent(names[n])).ToArray();
        var parentSlot = new int[names.Count];
        Array.Fill(parentSlot, -1);
        for (var p = 0; p < parents.Length; p++)
            parentSlot[parents[p]] = p;
        var childOf = parents.Select(p => names.Select(n => isChild(names[p], n)).ToArray()).ToArray();
        var isAnyChild = Enumerable.Range(0, names.Count).Select(n => childOf.Any(children => children[n])).ToArray();
        var coordinate = codes.Coordinates(dimension);
        // Only addresses that hold a child can hold an identity: parents elsewhere (nationally, most cells of the
        // patient-group families) are left out before the sort.
        var childAddresses = new HashSet<long>();
        for (var c = 0; c < release.Keys.Count; c++)
        {
            if (isAnyChild[coordinate[c]])
                childAddresses.Add(codes.Code(c, dimension));
        }
        if (childAddresses.Count == 0)
            return;
        var cells = Enumerable.Range(0, release.Keys.Count)
            .Where(c => isAnyChild[coordinate[c]] || (parentSlot[coordinate[c]] >= 0 && childAddresses.Contains(codes.Code(c, dimension)))).ToArray();
        // Cells at the same address but in this dimension, in order of their first cell, each in cell order: the
        // order a grouping by address gives, so the identities come in the same order whatever the grouping costs.
        var address = cells.Select(c => codes.Code(c, dimension)).ToArray();
        Array.Sort(address, cells);
        var groups = new List<int[]>();
        for (var start = 0; start < cells.Length;)
        {
            var end = start + 1;
            while (end < cells.Length && address[end] == address[start])
                end++;
            var group = cells[start..end];
            Array.Sort(group);
            groups.Add(group);
            start = end;
        }
        foreach (var group in groups.OrderBy(g => g[0]))
        {
            foreach (var parent in group.Where(c => parentSlot[coordinate[c]] >= 0))
            {
                var isChildOfParent = childOf[parentSlot[coordinate[parent]]];
                var children = group.Where(c => isChildOfParent[coordinate[c]]).ToList();
                if (children.Count > 0)
                    identities.Add(Line(parent, children, exact, () => $"{name}: {release.Keys[parent]} {(exact ? "=" : "≥")} sum of {children.Count}"));
            }
        }
    }

    // A practice that moved PCN in the window is counted in two PCNs, so PCNs and practices are tied together in
    // connected groups: the PCNs of a group add up to the practices of the group.
    private static void AddMembership(Release release, KeyCodes codes, List<Identity> identities)
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
        // Each geography's root (a number) and kind, once per geography rather than once per cell.
        var geos = codes.Names(KeyCodes.Geo);
        var roots = new Dictionary<string, int>(StringComparer.Ordinal);
        int RootNumber(string g)
        {
            var root = Find(g);
            if (!roots.TryGetValue(root, out var number))
                roots[root] = number = roots.Count;
            return number;
        }
        var rootOf = geos.Select(g => parent.ContainsKey(g) ? RootNumber(g) : -1).ToArray();
        var isPcn = geos.Select(g => g.StartsWith("pcn:", StringComparison.Ordinal)).ToArray();
        var isPractice = geos.Select(g => g.StartsWith("practice:", StringComparison.Ordinal)).ToArray();
        var geo = codes.Coordinates(KeyCodes.Geo);
        // Grouped by address (all but the geography) and root, groups in order of their first cell, each in cell order.
        var groups = new Dictionary<(long Address, int Root), List<int>>();
        var order = new List<List<int>>();
        for (var c = 0; c < release.Keys.Count; c++)
        {
            if (rootOf[geo[c]] < 0)
                continue;
            var key = (codes.Code(c, KeyCodes.Geo), rootOf[geo[c]]);
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = [];
                order.Add(group);
            }
            group.Add(c);
        }
        foreach (var group in order)
        {
            var pcns = group.Where(c => isPcn[geo[c]]).ToList();
            var practices = group.Where(c => isPractice[geo[c]]).ToList();
            if (pcns.Count == 0 || practices.Count == 0)
                continue;
            var cells = pcns.Concat(practices).ToArray();
            var coefficients = pcns.Select(_ => 1).Concat(practices.Select(_ => -1)).ToArray();
            identities.Add(new Identity(cells, coefficients, true,
                () => $"PCNs {string.Join("+", pcns.Select(p => release.Keys[p].Geo))} = their practices, {release.Keys[group[0]] with { Geo = "" }}"));
        }
    }

    private static Identity Line(int total, List<int> parts, bool exact, Func<string> description) =>
        new([total, .. parts], [1, .. parts.Select(_ => -1)], exact, description);

    private static void Verify(Release release, Identity identity)
    {
        var sum = 0L;
        for (var i = 0; i < identity.Cells.Length; i++)
            sum += identity.Coefficients[i] * release.Values[identity.Cells[i]];
        if (identity.Exact ? sum != 0 : sum < 0)
            throw new InvalidOperationException($"the release breaks its own identity {identity.Describe()} (difference {sum}): a table's cells are mis-addressed");
    }
}
