namespace ImpactMeasure.Reports.Disclosure;

/// <summary>The identities of a release seen from its cells: each cell's identities with its coefficient in each,
/// and each identity's value at the true counts (its slack: 0 for an exact identity). Built once per release, so
/// a program over a few cells learns what the rest of a long identity contributes without walking it.</summary>
internal sealed class IdentityIndex
{
    public IdentityIndex(Release release, IReadOnlyList<Identity> identities)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(identities);
        Identities = identities;
        var linesOf = Enumerable.Range(0, release.Keys.Count).Select(_ => new List<(int, int)>()).ToArray();
        var slack = new long[identities.Count];
        for (var l = 0; l < identities.Count; l++)
        {
            for (var i = 0; i < identities[l].Cells.Length; i++)
            {
                var cell = identities[l].Cells[i];
                linesOf[cell].Add((l, identities[l].Coefficients[i]));
                slack[l] += identities[l].Coefficients[i] * release.Values[cell];
            }
        }
        LinesOf = linesOf.Select(l => l.ToArray()).ToArray();
        Slack = slack;
    }

    public IReadOnlyList<Identity> Identities { get; }

    /// <summary>Per cell, the identities it is in and its coefficient there.</summary>
    public (int Line, int Coefficient)[][] LinesOf { get; }

    /// <summary>Per identity, Σ coefficient × true count.</summary>
    public long[] Slack { get; }
}
