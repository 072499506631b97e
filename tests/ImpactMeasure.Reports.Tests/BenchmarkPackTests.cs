using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using ImpactMeasure.Reports.Benchmark;
using ImpactMeasure.Reports.Pack;
using ImpactMeasure.Testing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The PCN benchmarking pack: its funnel charts draw the indicator tables' own cells (the PCN in question as
/// its own named series on its own row), each table's word agrees with where its value falls against the 99.8% limits,
/// and the printed pack has nothing overlapping, cut off or too small.</summary>
[Collection(SampleWarehouseGroup.Name)]
public class BenchmarkPackTests(SampleWarehouses sample)
{
    private const string Pcn = "U10004";

    private async Task<string> WriteAsync(string engine)
    {
        var folder = Directory.CreateTempSubdirectory("impact-benchmark-pack-").FullName;
        var path = Path.Combine(folder, BenchmarkPack.FileName(Pcn, new DateOnly(2025, 9, 1)));
        await using var warehouse = await sample[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        var window = ReportWindow.Ending(new DateOnly(2025, 9, 1), 12, null);
        var release = await new BenchmarkReport(warehouse, new MethodParameters()).RunAsync(window, "icb", Pcn);
        BenchmarkPack.Write(path, release, window, Pcn, new PackSettings(), DateTimeOffset.UnixEpoch);
        return path;
    }

    [Theory, EveryEngine]
    public async Task Each_funnel_draws_its_tables_cells_with_the_pcn_as_its_own_series(string engine)
    {
        var path = await WriteAsync(engine);

        using var document = SpreadsheetDocument.Open(path, false);
        var all = document.WorkbookPart!.WorksheetParts.SelectMany(w => w.DrawingsPart?.ChartParts ?? []).ToList();
        var charts = all.Where(c => !IsSpine(c)).ToList();
        charts.Should().HaveCount(Indicator.All.Count);
        all.Where(IsSpine).Should().ContainSingle("a PCN's pack has one spine chart");
        using var workbook = new XLWorkbook(path);
        foreach (var chart in charts)
        {
            var series = chart.ChartSpace.Descendants<C.ScatterChartSeries>().ToList();
            var own = series.Single(s => s.SeriesText!.InnerText.Contains(Pcn, StringComparison.Ordinal));
            var y = own.GetFirstChild<C.YValues>()!.InnerText; // 'Table_n'!$D$r:$D$r
            var sheet = workbook.Worksheet(y.Split('!')[0].Trim('\''));
            var row = int.Parse(y.Split('$')[^1], System.Globalization.CultureInfo.InvariantCulture);
            sheet.Cell(row, 1).GetString().Should().Contain(Pcn, "the highlighted point is the PCN's own row");
            series.Where(s => s != own).SelectMany(s => s.Descendants<C.Formula>()).Should()
                .OnlyContain(f => f.Text.StartsWith($"'{sheet.Name}'!", StringComparison.Ordinal), "every series reads the indicator's table");
            // The grey points are drawn in runs around the PCN's row, never over it.
            var greyRuns = series.Where(s => s.SeriesText!.InnerText == "PCNs").Select(s => s.GetFirstChild<C.YValues>()!.InnerText.Split('$'))
                .Select(parts => (First: int.Parse(parts[2].TrimEnd(':'), System.Globalization.CultureInfo.InvariantCulture), Last: int.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture)))
                .ToList();
            greyRuns.Should().NotBeEmpty();
            greyRuns.Should().NotContain(r => r.First <= row && row <= r.Last);
        }
    }

    [Theory, EveryEngine]
    public async Task The_word_agrees_with_the_value_against_the_998_limits(string engine)
    {
        var path = await WriteAsync(engine);

        using var workbook = new XLWorkbook(path);
        var checkedRows = 0;
        foreach (var sheet in workbook.Worksheets.Where(s => s.Cell(1, 1).GetString().Contains("with funnel limits", StringComparison.Ordinal)))
        {
            foreach (var row in sheet.Tables.Single().DataRange.Rows())
            {
                if (!row.Cell(4).TryGetValue<double>(out var value) || !row.Cell(8).TryGetValue<double>(out var lower) || !row.Cell(9).TryGetValue<double>(out var upper))
                    continue;
                if (IsRate(sheet))
                    continue;
                var word = row.Cell(10).GetString();
                var outside = value > upper || value < lower;
                (word != "Similar").Should().Be(outside, $"{sheet.Name} {row.Cell(1).GetString()}: {value} against [{lower}, {upper}] reads {word}");
                checkedRows++;
            }
        }
        checkedRows.Should().BeGreaterThan(20);
    }

    [Theory, EveryEngine]
    public async Task The_spine_chart_places_each_value_on_its_rows_scale_with_worse_to_the_left(string engine)
    {
        var path = await WriteAsync(engine);

        using var workbook = new XLWorkbook(path);
        var sheet = workbook.Worksheets.Single(s => s.Cell(1, 1).GetString().Contains("Spine chart data", StringComparison.Ordinal));
        var rows = sheet.Tables.Single().DataRange.Rows().Select(r => (Indicator: r.Cell(1).GetString(), Point: r.Cell(2).GetString(),
            Value: r.Cell(3).TryGetValue<double>(out var v) ? v : (double?)null, Position: r.Cell(4).TryGetValue<double>(out var p) ? p : (double?)null,
            Word: r.Cell(6).GetString(), Row: r.RowNumber())).ToList();
        var placed = 0;
        foreach (var indicator in Indicator.All)
        {
            var mine = rows.Where(r => r.Indicator == indicator.Name).ToList();
            mine.Should().NotBeEmpty(indicator.Name);
            var peer = mine.First(r => r.Point == "peers' value").Value!.Value;
            var range = mine.Where(r => r.Point is "peers' lowest" or "peers' 25th percentile" or "peers' 75th percentile" or "peers' highest").ToList();
            range.Should().OnlyContain(r => r.Position >= 0 && r.Position <= 1, "every peer lies on the row's scale");
            range.Max(r => Math.Abs(r.Position!.Value - 0.5)).Should().BeApproximately(0.5, 1e-9, "the peer furthest from the peers' value is at an end");
            var distance = range.Max(r => Math.Abs(r.Value!.Value - peer));
            var sign = indicator.Direction == Spc.ImprovementDirection.Decrease ? -1 : 1;
            foreach (var r in range)
                r.Position!.Value.Should().BeApproximately(0.5 + (sign * (r.Value!.Value - peer) / (2 * distance)), 1e-9);
            var own = mine.Single(r => r.Point == "this PCN");
            if (own.Position is not { } position)
                continue;
            // Better and higher are to the right of the peers' value, worse and lower to the left.
            if (own.Word is "Better" or "Higher")
                position.Should().BeGreaterThan(0.5, $"{indicator.Name} is {own.Word}");
            if (own.Word is "Worse" or "Lower")
                position.Should().BeLessThan(0.5, $"{indicator.Name} is {own.Word}");
            placed++;
        }
        placed.Should().BeGreaterThan(3);

        // Each circle is drawn from a row whose word is the series' word.
        using var document = SpreadsheetDocument.Open(path, false);
        var spine = document.WorkbookPart!.WorksheetParts.SelectMany(w => w.DrawingsPart?.ChartParts ?? []).Single(IsSpine);
        foreach (var circle in spine.ChartSpace.Descendants<C.ScatterChartSeries>().Where(s => s.SeriesText!.InnerText.StartsWith("INGLEBY", StringComparison.Ordinal) || s.SeriesText!.InnerText.Contains(Pcn, StringComparison.Ordinal)))
        {
            var word = circle.SeriesText!.InnerText.Split(": ")[^1];
            var row = int.Parse(circle.GetFirstChild<C.YValues>()!.InnerText.Split('$')[^1], System.Globalization.CultureInfo.InvariantCulture);
            rows.Single(r => r.Row == row).Word.Should().BeEquivalentTo(word);
        }
    }

    [Fact]
    public async Task The_spine_charts_row_labels_each_have_a_line_of_their_own_left_of_every_bar()
    {
        Indicator.All.Should().OnlyContain(i => i.ShortName.Length <= Indicator.ShortNameLength, "a longer label wraps into its neighbours in LibreOffice");
        var path = await WriteAsync(EngineNames.DuckDb);

        using var workbook = new XLWorkbook(path);
        var sheet = workbook.Worksheets.Single(s => s.Cell(1, 1).GetString().Contains("Spine chart data", StringComparison.Ordinal));
        var rows = sheet.Tables.Single().DataRange.Rows().Select(r => (Point: r.Cell(2).GetString(), Position: r.Cell(4).TryGetValue<double>(out var p) ? p : (double?)null,
            ChartRow: r.Cell(5).TryGetValue<double>(out var y) ? y : (double?)null, Label: r.Cell(7).GetString())).ToList();
        var labels = rows.Where(r => r.Point == "label").ToList();
        labels.Select(l => l.Label).Should().Equal(Indicator.All.Select(i => i.ShortName));
        labels.Select(l => l.ChartRow).Should().OnlyHaveUniqueItems().And.OnlyContain(y => y == Math.Round(y!.Value), "one chart row each");
        labels.Max(l => l.Position).Should().BeLessThan(rows.Where(r => r.Point != "label" && r.Position is not null).Min(r => r.Position!.Value) - 0.5,
            "the labels sit in a gutter that no bar reaches");

        using var document = SpreadsheetDocument.Open(path, false);
        var part = document.WorkbookPart!.WorksheetParts.Single(w => w.DrawingsPart?.ChartParts.Any(IsSpine) == true);
        var anchor = part.DrawingsPart!.WorksheetDrawing.Descendants<DocumentFormat.OpenXml.Drawing.Spreadsheet.TwoCellAnchor>().Single();
        var spanned = int.Parse(anchor.ToMarker!.RowId!.Text, System.Globalization.CultureInfo.InvariantCulture)
            - int.Parse(anchor.FromMarker!.RowId!.Text, System.Globalization.CultureInfo.InvariantCulture);
        spanned.Should().Be(SpineChart.RowsFor(labels.Count)).And.BeGreaterThan(PackChart.DefaultSheetRows, "twelve rows need a taller chart than six");
    }

    private static bool IsSpine(ChartPart chart) => chart.ChartSpace.InnerText.Contains("middle half", StringComparison.Ordinal);

    [Fact]
    public async Task The_printed_benchmark_pack_has_nothing_overlapping_cut_off_or_too_small()
    {
        var path = await WriteAsync(EngineNames.DuckDb);

        var problems = PackLayout.Problems(path);

        problems.Should().BeEmpty("the benchmark pack prints cleanly; found:\n" + string.Join("\n", problems));
    }

    // A rate's word compares the peers' value with the PCN's own interval (PHEindicatormethods), not the value with
    // the funnel: the two agree in all but borderline cases, so only proportions are held to the funnel exactly.
    private static bool IsRate(IXLWorksheet sheet) => sheet.Cell(1, 1).GetString().Contains("per 1,000", StringComparison.Ordinal);
}
