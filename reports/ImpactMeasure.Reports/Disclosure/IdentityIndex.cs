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
        // Counted first, then filled: each cell's array made once at its size (nationally 190,000 cells; a list
        // each, grown and copied, cost a tenth of a second of allocation).
        var count = new int[release.Keys.Count];
        foreach (var identity in identities)
        {
            foreach (var cell in identity.Cells)
                count[cell]++;
        }
        var linesOf = count.Select(n => n == 0 ? [] : new (int, int)[n]).ToArray();
        Array.Clear(count);
        var slack = new long[identities.Count];
        for (var l = 0; l < identities.Count; l++)
        {
            for (var i = 0; i < identities[l].Cells.Length; i++)
            {
                var cell = identities[l].Cells[i];
                linesOf[cell][count[cell]++] = (l, identities[l].Coefficients[i]);
                slack[l] += identities[l].Coefficients[i] * release.Values[cell];
            }
        }
        LinesOf = linesOf;
        Slack = slack;
    }

    public IReadOnlyList<Identity> Identities { get; }

    /// <summary>Per cell, the identities it is in and its coefficient there.</summary>
    public (int Line, int Coefficient)[][] LinesOf { get; }

    /// <summary>Per identity, Σ coefficient × true count.</summary>
    public long[] Slack { get; }
}
