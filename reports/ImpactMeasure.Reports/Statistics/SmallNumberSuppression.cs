namespace ImpactMeasure.Reports.Statistics;

/// <summary>Disclosure control for outputs meant for sharing (METHODS §7): counts 1 to the threshold (default 7)
/// are suppressed, zero stays 0; where a row or column of a table with totals has exactly one suppressed cell,
/// the next smallest non-zero cell in it is suppressed too, so nothing can be recovered by subtraction.</summary>
public static class SmallNumberSuppression
{
    public const int DefaultThreshold = 7;

    /// <summary>The symbol a suppressed cell shows (PACK.md).</summary>
    public const string Symbol = "[c]";

    public static bool IsPrimary(long count, int threshold = DefaultThreshold) => count >= 1 && count <= threshold;

    /// <summary>Which cells of a table (rows × columns of counts, totals not included) to suppress.</summary>
    public static bool[,] Cells(long[,] counts, int threshold = DefaultThreshold, bool tableHasTotals = true)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var (rows, columns) = (counts.GetLength(0), counts.GetLength(1));
        var suppressed = new bool[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
                suppressed[r, c] = IsPrimary(counts[r, c], threshold);
        }
        if (!tableHasTotals)
            return suppressed;
        for (var changed = true; changed;)
        {
            changed = false;
            for (var r = 0; r < rows; r++)
                changed |= Protect(counts, suppressed, Enumerable.Range(0, columns).Select(c => (r, c)).ToList());
            for (var c = 0; c < columns; c++)
                changed |= Protect(counts, suppressed, Enumerable.Range(0, rows).Select(r => (r, c)).ToList());
        }
        return suppressed;
    }

    /// <summary>One line of a table (a list with a total): which entries to suppress.</summary>
    public static bool[] Line(IReadOnlyList<long> counts, int threshold = DefaultThreshold, bool hasTotal = true)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var table = new long[1, counts.Count];
        for (var i = 0; i < counts.Count; i++)
            table[0, i] = counts[i];
        var cells = Cells(table, threshold, hasTotal);
        return Enumerable.Range(0, counts.Count).Select(i => cells[0, i]).ToArray();
    }

    private static bool Protect(long[,] counts, bool[,] suppressed, List<(int R, int C)> line)
    {
        if (line.Count(p => suppressed[p.R, p.C]) != 1)
            return false;
        var next = line.Where(p => !suppressed[p.R, p.C] && counts[p.R, p.C] > 0).OrderBy(p => counts[p.R, p.C]).ThenBy(p => p.R).ThenBy(p => p.C).ToList();
        if (next.Count == 0)
            return false;
        suppressed[next[0].R, next[0].C] = true;
        return true;
    }
}
