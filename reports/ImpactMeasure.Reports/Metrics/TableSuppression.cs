using ImpactMeasure.Reports.Statistics;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>Applies METHODS §7 to a metric table: counts of 1 to the threshold, the next smallest count in a
/// group that has a total, and everything derived from a suppressed count.</summary>
public static class TableSuppression
{
    public static void Apply(MetricTable table, int threshold)
    {
        ArgumentNullException.ThrowIfNull(table);
        var counts = table.Columns.Select((c, i) => (c, i)).Where(p => p.c.Kind == ColumnKind.Count).Select(p => p.i).ToList();
        var hidden = new HashSet<(int Row, int Column)>();
        var groupIndexes = (table.GroupColumns ?? []).Select(table.IndexOf).ToArray();
        foreach (var group in Enumerable.Range(0, table.Rows.Count).GroupBy(r => string.Join('\u001f', groupIndexes.Select(g => table.Rows[r][g]))))
        {
            var rows = group.ToList();
            foreach (var column in counts)
            {
                var values = rows.Select(r => table.Rows[r][column] is long v ? v : 0).ToList();
                var flags = SmallNumberSuppression.Line(values, threshold, hasTotal: table.GroupColumns is not null && rows.Count > 1);
                for (var k = 0; k < rows.Count; k++)
                {
                    if (flags[k])
                        hidden.Add((rows[k], column));
                }
            }
        }
        foreach (var (row, column) in hidden)
            table.Rows[row][column] = SuppressedCell.Instance;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var column = table.Columns[c];
                if (column.Kind == ColumnKind.Derived && column.From.Any(f => table.Rows[r][table.IndexOf(f)] is SuppressedCell))
                    table.Rows[r][c] = SuppressedCell.Instance;
            }
        }
    }
}
