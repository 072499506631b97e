using System.Globalization;
using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Reports.Pack;

namespace ImpactMeasure.Reports.Benchmark;

/// <summary>The PCN benchmarking pack (PACK.md, as the monthly pack): Cover with key messages, Contents, Notes, the
/// comparison on every indicator, one table per indicator ordered by denominator with its native funnel chart (the
/// PCNs as points, the PCN in question on its own and named, the peers' value and the 95% and 99.8% limits as
/// lines), for one PCN's pack a spine chart of every indicator first, the equity tables and the methods. Every figure is the protected release's.</summary>
public static class BenchmarkPack
{
    public static string FileName(string? pcn, DateOnly period) => $"impact-benchmark-pack-{(pcn ?? "all").ToLowerInvariant()}-{period:yyyy-MM}.xlsx";

    /// <summary>Writes the pack; <paramref name="pcn"/> is the PCN whose view it is (its row first in the release's
    /// table), or null for every PCN against one peer group.</summary>
    /// <param name="path">the .xlsx file</param>
    /// <param name="release">the benchmark's protected release</param>
    /// <param name="window">the months benchmarked</param>
    /// <param name="pcn">the PCN whose view this is, or null</param>
    /// <param name="pack">publisher and contact (impact.json "pack")</param>
    /// <param name="generatedAt">when the pack was made</param>
    public static void Write(string path, BenchmarkRelease release, ReportWindow window, string? pcn, PackSettings pack, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(pack);
        var rows = release.Table.Rows;
        var own = pcn is null ? null : rows.First(r => r.PcnCode == pcn);
        var area = own is null ? "all PCNs" : $"{own.PcnName} ({own.PcnCode})";
        var period = Period(window);
        var notes = new List<PackNote>
        {
            new(1, Disclosure(release.Metrics.Disclosure)),
            new(2, string.Join(" ", release.Table.Methods)),
            new(3, string.Join(" ", release.Equity.Methods.Concat(release.Inequality.Methods).Concat(release.Metrics.EquityWellbeing.Methods))),
        };
        var tables = new List<PackTable> { Summary(rows, [notes[0], notes[1]]) };
        // A PCN's pack opens its charts with the spine chart: every indicator at once against the peers' range.
        var spine = own is null ? null : SpineChart.Table(rows, own, [notes[0], notes[1]]);
        if (spine is not null)
            tables.Add(spine);
        var charts = new List<(PackTable Table, Indicator Indicator, List<BenchmarkRow> Rows)>();
        foreach (var indicator in Indicator.All)
        {
            var byDenominator = rows.Where(r => r.Indicator.Key == indicator.Key).OrderBy(r => r.Denominator is null).ThenBy(r => r.Denominator)
                .ThenBy(r => r.PcnCode, StringComparer.Ordinal).ToList();
            var table = IndicatorTable(indicator, byDenominator, [notes[0], notes[1]]);
            tables.Add(table);
            charts.Add((table, indicator, byDenominator));
        }
        tables.Add(PackTables.EquityTable(release.Equity, [notes[0], notes[2]]) with { Title = "Who the service reaches: referrals by deprivation, age and sex, all PCNs" });
        tables.Add(Inequality(release.Inequality, [notes[0], notes[2]]));
        tables.Add(PackTables.EquityWellbeingTable(release.Metrics.EquityWellbeing, [notes[0], notes[2]]) with
        {
            Title = "Wellbeing improvement by deprivation, age and sex, by instrument, all PCNs",
        });
        // A PCN's own practices against practices (no other practice is in its view).
        if (own is not null && release.Practices.Rows.Count > 0)
        {
            notes.Add(new(4, BenchmarkReport.PracticeMethod));
            tables.Add(Summary(release.Practices.Rows, [notes[0], notes[1], notes[3]],
                $"The practices of {area} on {Indicator.Practice.Count} indicators against {release.Practices.Rows[0].Peers}", "Practice")
                // Practice names are in capitals, as NHS organisation names are: room for one line each.
                with { WrapWidth = 48 });
        }
        var funnels = charts.Select(c => Funnel(c.Table, PackWorkbook.SheetOf(tables, c.Table), c.Indicator, c.Rows, own)).ToList();
        if (spine is not null)
            funnels.Insert(0, SpineChart.Chart(spine, PackWorkbook.SheetOf(tables, spine), own!, rows));
        var cover = new PackCover(CoverLines(rows, own, area, period, release, pack, generatedAt), $", {area}, {period}",
            $"ImpactMeasure PCN benchmarking, {area}, {period}", pack.Organisation, "primary care networks; benchmarking; funnel plot; care navigation; social prescribing");
        PackWorkbook.Write(path, cover, tables, funnels, notes);
        NativeCharts.Add(path, funnels);
    }

    private static string Period(ReportWindow window) => window.FirstMonth == window.LastMonth
        ? window.LastMonth.ToString("MMM yyyy", CultureInfo.InvariantCulture)
        : $"{window.FirstMonth.ToString("MMM yyyy", CultureInfo.InvariantCulture)} to {window.LastMonth.ToString("MMM yyyy", CultureInfo.InvariantCulture)}";

    private static string[] CoverLines(IReadOnlyList<BenchmarkRow> rows, BenchmarkRow? own, string area, string period, BenchmarkRelease release, PackSettings pack,
        DateTimeOffset generatedAt)
    {
        var disclosure = release.Metrics.Disclosure;
        return
        [
            $"PCN benchmarking: {area} against {(own?.Peers ?? (rows.Count > 0 ? rows[0].Peers : "its peers"))}, {period}",
            "Key messages",
            .. KeyMessages(rows, own).Select(m => $"- {m}"),
            "About this pack: each PCN's care navigation and social prescribing indicators against its peers, with funnel limits (PHE's methods) and who the service reaches by deprivation, age and sex.",
            "Source: GP appointment (GPAD) and practice extracts published by NHS England, and local signposting and referral extracts loaded into the ImpactMeasure warehouse.",
            $"Period covered: {period}.",
            $"Date produced: {generatedAt:d MMMM yyyy}.",
            disclosure.Applied
                ? $"Disclosure control: counts of 1 to {disclosure.Threshold} of people or events, and every figure computed from them, are shown as [c]; further counts are hidden so that none can be worked out from the others (note 1)."
                : "NOT FOR SHARING: disclosure control is OFF. This pack shows small numbers of people and events and is for internal use only.",
            $"Published by: {pack.Organisation}.",
            pack.Contact is { Length: > 0 } contact ? $"Contact: {contact}." : "Contact: [x] not configured (set pack.contact in impact.json before sending this pack).",
            "Methodology: see Notes; every definition follows ImpactMeasure's METHODS §4.",
        ];
    }

    // For one PCN: where it stands out, and on how many indicators it is similar or hidden. For all PCNs: how many
    // stand out on each indicator.
    private static IEnumerable<string> KeyMessages(IReadOnlyList<BenchmarkRow> rows, BenchmarkRow? own)
    {
        if (own is not null)
        {
            var mine = rows.Where(r => r.PcnCode == own.PcnCode).ToList();
            foreach (var r in mine.Where(r => r.Comparison is "Better" or "Worse" or "Higher" or "Lower"))
                yield return $"{r.Indicator.Name}: {Show(r.Indicator, r.Value)} against the peers' {Show(r.Indicator, r.PeerValue)}, {r.Comparison.ToLowerInvariant()} than its peers at 99.8% (rank {r.Rank} of {r.Ranked}).";
            var similar = mine.Count(r => r.Comparison == "Similar");
            var hidden = mine.Count(r => r.Comparison == SuppressedCell.Symbol);
            yield return $"Similar to its peers on {similar} of {mine.Count} indicators" + (hidden > 0 ? $"; {hidden} not shown because a count behind them is small [c]." : ".");
            yield break;
        }
        foreach (var g in rows.GroupBy(r => r.Indicator.Key))
        {
            var indicator = g.First().Indicator;
            if (indicator.Kind == IndicatorKind.Estimate)
            {
                yield return $"{indicator.Name}: an estimate, ranked but not compared with the peers' value ({g.Count(r => r.Value is not null)} PCNs with a figure).";
                continue;
            }
            var (up, down) = indicator.Direction == Spc.ImprovementDirection.Neutral ? ("higher", "lower") : ("better", "worse");
            yield return $"{indicator.Name}: {g.Count(r => r.Comparison.Equals(up, StringComparison.OrdinalIgnoreCase))} PCNs {up} and {g.Count(r => r.Comparison.Equals(down, StringComparison.OrdinalIgnoreCase))} {down} than their peers at 99.8%, of {g.Count(r => r.Value is not null)} with a figure.";
        }
    }

    private static string Show(Indicator indicator, double? value) => value is not { } v ? "[x]"
        : indicator.IsProportion ? v.ToString("0.0%", CultureInfo.InvariantCulture) : $"{v.ToString("0.0", CultureInfo.InvariantCulture)} {indicator.Unit}";

    private static string Disclosure(Disclosure.Disclosure disclosure) => disclosure.Applied
        ? $"Disclosure control (the pack's figures and the metrics they rest on are protected as one release): counts of 1 to {disclosure.Threshold} of people or events are shown as [c], and so is every figure computed from a hidden count; further counts are hidden where a [c] could otherwise be worked out from published figures, checked by linear programming for every hidden count. {disclosure.Primary} counts are hidden as small and {disclosure.Complementary} to protect them. GPAD appointments and list sizes are not person counts and are not suppressed."
        : "NOT FOR SHARING: disclosure control is OFF. Small numbers of people and events are shown; this pack is for internal use only.";

    private static PackTable Summary(IReadOnlyList<BenchmarkRow> rows, IReadOnlyList<PackNote> notes, string title = "Every indicator against peers",
        string unit = "PCN") =>
        new(title, notes,
            [(unit, "@"), ("Indicator", "@"), ("Value", PackTables.OneDecimal), ("Lower 95% limit", PackTables.OneDecimal), ("Upper 95% limit", PackTables.OneDecimal),
             ("Peers' value", PackTables.OneDecimal), ("Compared with peers (99.8%)", "@"), ("Rank", "0"), ("Of", "0"), ("Quartile (1 best)", "0")],
            rows.Select(r => new object?[]
            {
                Name(r), r.Indicator.Name, Hidden(r, r.Value), Hidden(r, r.Lower95), Hidden(r, r.Upper95), r.PeerValue, r.Comparison, Hidden(r, r.Rank), Hidden(r, r.Ranked),
                Hidden(r, r.Quartile),
            }).ToList())
        {
            Fills = new Dictionary<int, Func<object?, string?>> { [6] = PackTables.ComparisonColour },
            CellFormat = (row, column) => column is >= 2 and <= 5 && rows[row].Indicator.IsProportion ? PackTables.Percent : null,
            WrapWidth = 40,
        };

    // The funnel's data: PCNs by denominator, so the limits computed at each PCN's denominator draw the funnel's curves.
    // An estimate has no funnel: its table gives each PCN's own interval instead, and its chart only the points.
    private static PackTable IndicatorTable(Indicator indicator, IReadOnlyList<BenchmarkRow> rows, IReadOnlyList<PackNote> notes)
    {
        var format = indicator.IsProportion ? PackTables.Percent : PackTables.OneDecimal;
        var estimate = indicator.Kind == IndicatorKind.Estimate;
        // Rates, means and estimates name their unit already.
        return new PackTable($"{indicator.Name}{(indicator.IsProportion ? " (%)" : "")} by PCN{(estimate ? "" : ", with funnel limits")}", notes,
            [("PCN", "@"), ($"Denominator: {indicator.Denominator}", "#,##0"), ("Numerator", PackTables.Count), ("Value", format), ("Peers' value", format),
             .. estimate ? [("Lower 95% limit (bootstrap)", format), ("Upper 95% limit (bootstrap)", format)]
                 : new[] { ("95% lower limit", format), ("95% upper limit", format), ("99.8% lower limit", format), ("99.8% upper limit", format) },
             ("Compared with peers (99.8%)", "@")],
            rows.Select(r => estimate
                ? new object?[] { Name(r), r.Denominator, r.Numerator, Hidden(r, r.Value), r.PeerValue, Hidden(r, r.Lower95), Hidden(r, r.Upper95), r.Comparison }
                : new object?[]
                {
                    Name(r), r.Denominator, r.Numerator, Hidden(r, r.Value), r.PeerValue, r.Limit95Lower, r.Limit95Upper, r.Limit998Lower, r.Limit998Upper, r.Comparison,
                }).ToList())
        {
            Fills = new Dictionary<int, Func<object?, string?>> { [estimate ? 7 : 9] = PackTables.ComparisonColour },
            WrapWidth = 30,
        };
    }

    private static PackTable Inequality(MetricTable<Equity.InequalityRow> inequality, IReadOnlyList<PackNote> notes) =>
        new("Slope and relative index of inequality across deprivation quintiles, all PCNs", notes,
            [("Measure", "@"), ("Slope index (SII)", "0.000"), ("SII lower 95%", "0.000"), ("SII upper 95%", "0.000"), ("Relative index (RII)", "0.000"),
             ("RII lower 95%", "0.000"), ("RII upper 95%", "0.000")],
            inequality.Rows.Select(r => PackTables.Pick(inequality, r, Equity.InequalityRow.MeasureColumn, Equity.InequalityRow.Sii, Equity.InequalityRow.SiiLower,
                Equity.InequalityRow.SiiUpper, Equity.InequalityRow.Rii, Equity.InequalityRow.RiiLower, Equity.InequalityRow.RiiUpper)).Select(cells =>
                {
                    cells[0] = cells[0] is string code ? CodeLabels.Of(code) : cells[0];
                    return cells;
                }).ToList());

    private static PackChart Funnel(PackTable table, string sheet, Indicator indicator, List<BenchmarkRow> rows, BenchmarkRow? own)
    {
        const string X = "B", Value = "D", Peer = "E", Lower95 = "F", Upper95 = "G", Lower998 = "H", Upper998 = "I";
        var top = PackWorkbook.FirstDataRow;
        bool Plotted(int i, int column) => table.Rows[i][1] is double && table.Rows[i][column] is double;
        var index = own is null ? -1 : rows.FindIndex(r => r.PcnCode == own.PcnCode);
        var mine = index >= 0 ? rows[index] : null;
        // The PCN in question is its own series (and not among the grey points), so it is drawn and named apart.
        IReadOnlyList<(int, int)> Runs(int column, bool skipOwn = false) => ChartSeries.RunsOf(top, rows.Count, i => Plotted(i, column) && !(skipOwn && i == index));
        // An estimate has no limits: its chart is the PCNs against the peers' value.
        var funnel = indicator.Kind != IndicatorKind.Estimate;
        var series = new List<ChartSeries>
        {
            new("PCNs", Value, "7F7F7F", ChartLook.Markers, Runs(3, skipOwn: true)),
            new("Peers' value", Peer, "404040", ChartLook.PlainLine, Runs(4)),
        };
        if (funnel)
        {
            series.AddRange(
            [
                new("95% limits (lower)", Lower95, "A6A6A6", ChartLook.DashedLine, Runs(5)),
                new("95% limits (upper)", Upper95, "A6A6A6", ChartLook.DashedLine, Runs(6)),
                new("99.8% limits (lower)", Lower998, "595959", ChartLook.PlainLine, Runs(7)),
                new("99.8% limits (upper)", Upper998, "595959", ChartLook.PlainLine, Runs(8)),
            ]);
        }
        if (mine is not null && Plotted(index, 3))
            series.Add(new ChartSeries(Name(mine), Value, "005EB8", ChartLook.Markers, [(top + index, top + index)]));
        series.RemoveAll(s => s.Runs.Count == 0);
        var outside = rows.Count(r => r.Comparison is "Better" or "Worse" or "Higher" or "Lower");
        var title = mine switch
        {
            { Value: { } v } when !funnel => string.Create(CultureInfo.InvariantCulture, $"{indicator.Name}: {Name(mine)} {v:0.0}, its peers {mine.PeerValue:0.0} (an estimate: not compared)"),
            { Value: { } v } => $"{indicator.Name}: {Name(mine)} {Show(indicator, v)}, {mine.Comparison.ToLowerInvariant()} {(mine.Comparison == "Similar" ? "to" : "than")} its peers",
            not null => $"{indicator.Name}: {Name(mine)} not shown ([c]); its peers' {(funnel ? "funnel" : "values")}",
            _ when !funnel => $"{indicator.Name}: {rows.Count(r => r.Value is not null)} PCNs against the peers' value (an estimate: no funnel)",
            _ => $"{indicator.Name}: {outside} of {rows.Count(r => r.Value is not null)} PCNs outside the 99.8% limits",
        };
        var name = char.ToUpperInvariant(indicator.Unit[0]) + indicator.Unit[1..];
        var peers = rows.Count > 0 ? rows[0].Peers : "no peers";
        return new PackChart(title, funnel ? $"Funnel plot against the peers' value, 95% and 99.8% limits at each PCN's denominator ({peers})"
                : $"Each PCN against its denominator with the peers' value ({peers}); an estimate has no funnel limits",
            funnel ? $"Funnel plot of {indicator.Name.ToLowerInvariant()} for each PCN against its denominator, with the peers' value and the 95% and 99.8% control limits as lines{(mine is null ? "" : $"; {Name(mine)} highlighted")}."
                : $"Scatter plot of {indicator.Name.ToLowerInvariant()} for each PCN against its denominator, with the peers' value as a line{(mine is null ? "" : $"; {Name(mine)} highlighted")}.",
            sheet, X, $"Denominator: {indicator.Denominator}", indicator.IsProportion ? "Per cent" : name, series)
        {
            XFormat = "#,##0",
            XMajorUnit = null,
            YFormat = indicator.IsProportion ? "0%" : "#,##0",
        };
    }

    private static string Name(BenchmarkRow r) => r.PcnName == r.PcnCode ? r.PcnName : $"{r.PcnName} ({r.PcnCode})";

    // A figure behind a hidden count is hidden with it.
    private static object? Hidden(BenchmarkRow r, object? value) => r.Comparison == SuppressedCell.Symbol ? SuppressedCell.Instance : value;
}
