using System.Globalization;
using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Reports.Pack;
using ImpactMeasure.Reports.Spc;
using ImpactMeasure.Reports.Statistics;

namespace ImpactMeasure.Reports.Benchmark;

/// <summary>A PCN on every indicator at once, as Fingertips draws its spine chart: per indicator a bar of the peers'
/// range (lowest to highest, light) with its middle half (25th to 75th percentile, dark), a mark at the peers' value in
/// the middle, and the PCN's value as a circle in its comparison's colour, the word beside it in the table. Each row
/// is scaled so the peers' value is at the centre and the peer furthest from it at an end; worse (or, where no
/// direction is better, lower) is always to the left.</summary>
public static class SpineChart
{
    // Every series reads the same two columns over its own rows: x the position, y the chart row.
    private const string Position = "D", ChartRow = "E", Label = "G";

    // Row labels sit in a gutter left of every bar (positions run 0 to 1), on their bar's line, so no label crosses a
    // bar or another label.
    private const double LabelAt = -0.68;

    // The PCN's circle in its comparison's colour, one series a word so the legend names it.
    private static readonly (string Word, string Colour)[] Words =
    [
        ("Better", "92D050"), ("Similar", "FFC000"), ("Worse", "C00000"), ("Higher", "BED2FF"), ("Lower", "5555E6"), ("Not compared", "BFBFBF"),
    ];

    /// <summary>The chart's data (one table: for each indicator the peers' lowest, quartiles, highest and value and the
    /// PCN's value, each with its position on the row's scale and the rows the chart draws it on).</summary>
    public static PackTable Table(IReadOnlyList<BenchmarkRow> view, BenchmarkRow own, IReadOnlyList<PackNote> notes)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(own);
        var rows = new List<object?[]>();
        var formats = new List<string>();
        var indicators = Indicator.All.Where(i => view.Any(r => r.Indicator.Key == i.Key)).ToList();
        for (var k = 0; k < indicators.Count; k++)
        {
            var indicator = indicators[k];
            var mine = view.First(r => r.PcnCode == own.PcnCode && r.Indicator.Key == indicator.Key);
            var values = view.Where(r => r.Indicator.Key == indicator.Key && r.Value is not null && r.Comparison != SuppressedCell.Symbol)
                .Select(r => r.Value!.Value).Order().ToList();
            var format = indicator.IsProportion ? PackTables.Percent : PackTables.OneDecimal;
            // The first indicator at the top.
            var y = indicators.Count - k;
            object?[] Row(string point, object? value, object? position, object? chartRow, string word = "")
            {
                formats.Add(format);
                return [indicator.Name, point, value, position, chartRow, word, point == "label" ? indicator.ShortName : ""];
            }
            rows.Add(Row("label", "", LabelAt, y));
            if (mine.PeerValue is not { } peer || values.Count == 0)
                continue;
            var distance = values.Max(v => Math.Abs(v - peer));
            var flip = indicator.Direction == ImprovementDirection.Decrease;
            double Scale(double v) => distance == 0 ? 0.5 : 0.5 + ((flip ? peer - v : v - peer) / (2 * distance));
            var (q1, q3) = OverdispersedFunnel.Quantiles7(values, 0.25, 0.75);
            rows.Add(Row("peers' lowest", values[0], Scale(values[0]), y));
            rows.Add(Row("peers' 25th percentile", q1, Scale(q1), y));
            rows.Add(Row("peers' 75th percentile", q3, Scale(q3), y));
            rows.Add(Row("peers' highest", values[^1], Scale(values[^1]), y));
            rows.Add(Row("peers' value", peer, 0.5, y - 0.28));
            rows.Add(Row("peers' value", peer, 0.5, y + 0.28));
            var word = mine.Comparison == SuppressedCell.Symbol ? null : Words.Any(w => w.Word == mine.Comparison) ? mine.Comparison : "Not compared";
            if (mine.Value is { } v && word is not null)
                rows.Add(Row("this PCN", v, Scale(v), y, word));
            else
                rows.Add(Row("this PCN", SuppressedCell.Instance, SuppressedCell.Instance, SuppressedCell.Instance, SuppressedCell.Symbol));
        }
        return new PackTable($"Spine chart data: {Name(own)} on every indicator against its peers' range ({own.Peers})", notes,
            [("Indicator", "@"), ("Point", "@"), ("Value", PackTables.OneDecimal), ("Position on the row's scale (0 worse or lower, 1 better or higher)", "0.00"),
             ("Chart row", "0.00"), ("Compared with peers (99.8%)", "@"),
             ("Chart label", "@")],
            rows)
        {
            Fills = new Dictionary<int, Func<object?, string?>> { [5] = PackTables.ComparisonColour },
            CellFormat = (row, column) => column == 2 ? formats[row] : null,
            WrapWidth = 30,
        };
    }

    /// <summary>The native chart drawn from <see cref="Table"/>'s sheet.</summary>
    public static PackChart Chart(PackTable table, string sheet, BenchmarkRow own, IReadOnlyList<BenchmarkRow> view)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(view);
        var top = PackWorkbook.FirstDataRow;
        IReadOnlyList<(int, int)> Pairs(string point) => table.Rows.Select((r, i) => (r, i)).Where(p => (string)p.r[1]! == point)
            .Select(p => (top + p.i, top + p.i + 1)).ToList();
        IReadOnlyList<(int, int)> Singles(Func<object?[], bool> where) => table.Rows.Select((r, i) => (r, i)).Where(p => where(p.r))
            .Select(p => (top + p.i, top + p.i)).ToList();
        // The bands are drawn as three segments that never overlap. The peers' mark and the PCN's circle lie on them,
        // and renderers disagree on which series is in front (Excel draws the last on top, LibreOffice the first), so
        // both are drawn first and again last: in front either way.
        var marks = new List<ChartSeries>
        {
            new("Peers' value", ChartRow, "000000", ChartLook.Tick, Pairs("peers' value").Where((_, i) => i % 2 == 0).ToList()) { Width = 2 },
        };
        foreach (var (word, colour) in Words)
        {
            var runs = Singles(r => (string)r[1]! == "this PCN" && (string)r[5]! == word);
            if (runs.Count > 0)
                marks.Add(new ChartSeries($"{Name(own)}: {word.ToLowerInvariant()}", ChartRow, colour, ChartLook.BigMarkers, runs));
        }
        List<ChartSeries> series =
        [
            .. marks.Select(m => m with { InLegend = false }),
            new("Peers: lowest to highest", ChartRow, "D9D9D9", ChartLook.Band, [.. Pairs("peers' lowest"), .. Pairs("peers' 75th percentile")]) { Width = 12 },
            new("Peers: middle half (25th to 75th percentile)", ChartRow, "8C8C8C", ChartLook.Band, Pairs("peers' 25th percentile")) { Width = 12 },
            new("Indicator", ChartRow, "000000", ChartLook.Label, Singles(r => (string)r[1]! == "label")) { NameColumn = Label, InLegend = false },
            .. marks,
        ];
        var mine = view.Where(r => r.PcnCode == own.PcnCode).ToList();
        var standing = string.Join(", ", Words.Select(w => (w.Word, Count: mine.Count(r => r.Comparison == w.Word))).Where(w => w.Count > 0)
            .Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Word.ToLowerInvariant()} on {w.Count}")));
        var indicators = table.Rows.Count(r => (string)r[1]! == "label");
        return new PackChart($"{Name(own)} against its peers on {indicators} indicators: {standing}",
            $"Spine chart: each row scaled so the peers' value is in the middle; worse (or lower) to the left ({own.Peers})",
            $"Spine chart of {Name(own)} on each indicator: for each, the range of its peers' values as a light bar with the middle half darker, the peers' value as a black mark, and the PCN's value as a circle coloured by its comparison at 99.8%.",
            sheet, Position, "Worse (or lower) on the left · the peers' value in the middle · better (or higher) on the right", "", series)
        {
            XRange = (LabelAt - 0.02, 1.02),
            XMajorUnit = 0.5,
            XFormat = "0.0",
            HideXLabels = true,
            YRange = (0.4, indicators + 0.8),
            HideYAxis = true,
            SheetRows = RowsFor(indicators),
        };
    }

    /// <summary>Sheet rows for a chart of <paramref name="indicators"/> rows: about two and a half each (a label's line
    /// and the space between bars) beside the title and legend, within one printed page.</summary>
    public static int RowsFor(int indicators) => Math.Clamp(8 + (5 * indicators / 2), PackChart.DefaultSheetRows, PackChart.MaxSheetRows);

    private static string Name(BenchmarkRow r) => r.PcnName == r.PcnCode ? r.PcnName : $"{r.PcnName} ({r.PcnCode})";
}
