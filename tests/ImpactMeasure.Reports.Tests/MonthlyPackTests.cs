using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using ImpactMeasure.Etl;
using ImpactMeasure.Reports.Pack;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The monthly pack opened as an analyst's Excel would: the PACK.md checks, safety, and golden cell values.</summary>
[Collection(SampleWarehouseGroup.Name)]
public class MonthlyPackTests(SampleWarehouses sample)
{
    private static readonly string Golden = Path.Combine(RepositoryRoot.Path, "tests", "ImpactMeasure.Reports.Tests", "golden", "monthly-pack-2025-09.txt");

    [Fact]
    public async Task The_pack_follows_the_spreadsheet_standard()
    {
        var path = await WritePackAsync(sample[EngineNames.DuckDb], "2025-09");
        using var workbook = new XLWorkbook(path);

        var tables = workbook.Worksheets.Count(s => s.Name.StartsWith("Table_", StringComparison.Ordinal));
        var charts = workbook.Worksheets.Count(s => s.Name.StartsWith("Chart_", StringComparison.Ordinal));
        tables.Should().BeGreaterThanOrEqualTo(9);
        charts.Should().BeGreaterThanOrEqualTo(8);
        workbook.Worksheets.Select(s => s.Name).Should().Equal(
            ["Cover", "Contents", "Notes", .. Enumerable.Range(1, tables).Select(i => $"Table_{i}"), .. Enumerable.Range(1, charts).Select(i => $"Chart_{i}")]);
        workbook.Worksheet("Cover").TabActive.Should().BeTrue();
        workbook.Properties.Title.Should().Contain("Sep 2025");
        workbook.Properties.Author.Should().Be("ImpactMeasure");
        foreach (var sheet in workbook.Worksheets)
        {
            sheet.CellsUsed().Should().OnlyContain(c => !c.HasFormula, $"{sheet.Name} holds no formula");
            sheet.PageSetup.PaperSize.Should().Be(XLPaperSize.A4Paper);
            sheet.PageSetup.PageOrientation.Should().Be(XLPageOrientation.Landscape);
            sheet.PageSetup.PagesWide.Should().Be(1);
            sheet.MergedRanges.Should().BeEmpty();
        }
        foreach (var sheet in workbook.Worksheets.Where(s => s.Name.StartsWith("Table_", StringComparison.Ordinal)))
        {
            var table = sheet.Tables.Should().ContainSingle().Which;
            table.Name.Should().Be(sheet.Name);
            table.ShowAutoFilter.Should().BeFalse();
            var headers = table.HeadersRow().Cells().Select(c => c.GetString()).ToList();
            headers.Should().OnlyHaveUniqueItems().And.NotContain(string.Empty);
            sheet.Cell(2, 1).GetString().Should().Be("This worksheet contains one table.");
            foreach (var row in table.DataRange.Rows())
            {
                foreach (var cell in row.Cells().Where(c => c.Style.NumberFormat.Format is { Length: > 0 } f && f != "@"))
                    (cell.DataType is XLDataType.Number or XLDataType.DateTime || cell.GetString() is "[c]" or "[x]" or "[z]").Should().BeTrue($"{sheet.Name}!{cell.Address} is a number or a symbol");
            }
        }
    }

    [Fact]
    public async Task Contents_links_every_sheet_and_notes_are_referenced_both_ways()
    {
        var path = await WritePackAsync(sample[EngineNames.DuckDb], "2025-09");
        using var workbook = new XLWorkbook(path);

        var links = workbook.Worksheet("Contents").CellsUsed().Where(c => c.HasHyperlink).Select(c => c.GetString()).ToList();
        links.Should().BeEquivalentTo(workbook.Worksheets.Select(s => s.Name).Where(n => n != "Contents"));
        var onNotes = workbook.Worksheet("Notes").Column(1).CellsUsed().Select(c => c.GetString()).Where(t => t.StartsWith("[note", StringComparison.Ordinal)).ToList();
        var referenced = workbook.Worksheets.Where(s => s.Name.StartsWith("Table_", StringComparison.Ordinal))
            .SelectMany(s => System.Text.RegularExpressions.Regex.Matches(s.Cell(3, 1).GetString(), @"\[note \d+\]").Select(m => m.Value)).Distinct().ToList();
        onNotes.Should().BeEquivalentTo(referenced);
    }

    [Fact]
    public async Task Every_headline_measure_has_a_native_chart_over_the_spc_table_that_never_plots_a_hidden_month()
    {
        var path = await WritePackAsync(sample[EngineNames.DuckDb], "2025-09");
        using var workbook = new XLWorkbook(path);
        using var document = SpreadsheetDocument.Open(path, false);
        var table = workbook.Worksheets.Single(s => s.Cell(1, 1).GetString().Contains("Headline measures each month with SPC limits", StringComparison.Ordinal));
        var measures = table.Tables.Single().DataRange.Rows().Select(r => r.Cell(1).GetString()).Distinct().ToList();
        table.Column(3).CellsUsed().Should().Contain(c => c.GetString() == "[c]", "the sample's SPC series have hidden months");

        document.PackageProperties.Language.Should().Be("en-GB");
        var chartSheets = document.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Where(s => s.Name!.Value!.StartsWith("Chart_", StringComparison.Ordinal)).ToList();
        chartSheets.Should().HaveCount(measures.Count, "one chart per headline measure");
        foreach (var sheet in chartSheets)
        {
            var part = (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!);
            var chart = part.DrawingsPart!.ChartParts.Should().ContainSingle().Which;
            var formulas = chart.ChartSpace.Descendants<DocumentFormat.OpenXml.Drawing.Charts.Formula>().Select(f => f.Text).ToList();
            formulas.Should().NotBeEmpty().And.OnlyContain(f => f.StartsWith($"'{table.Name}'!", StringComparison.Ordinal), "a chart refers to its table");
            foreach (var range in formulas.Select(f => f.Split('!')[1].Replace("$", "", StringComparison.Ordinal)))
                table.Range(range).Cells().Should().OnlyContain(c => c.DataType == XLDataType.Number || c.DataType == XLDataType.DateTime, $"{sheet.Name} plots {range}: a [c] there would be drawn as 0");
            part.DrawingsPart.WorksheetDrawing.Descendants<DocumentFormat.OpenXml.Drawing.Spreadsheet.NonVisualDrawingProperties>().Single().Description!.Value
                .Should().NotBeNullOrEmpty("charts carry alt text");
            chart.ChartSpace.Descendants<DocumentFormat.OpenXml.Drawing.Charts.ValueAxis>().Should().OnlyContain(a => a.GetFirstChild<DocumentFormat.OpenXml.Drawing.Charts.Title>() != null, "both axes have titles");
        }
    }

    [Fact]
    public async Task Small_numbers_are_suppressed_and_the_cover_says_so()
    {
        var path = await WritePackAsync(sample[EngineNames.DuckDb], "2025-09");
        using var workbook = new XLWorkbook(path);

        workbook.Worksheet("Table_3").CellsUsed().Should().Contain(c => c.GetString() == "[c]", "practice-level counts of 1 to 7 in one month");
        workbook.Worksheet("Cover").CellsUsed().Should().Contain(c => c.GetString().StartsWith("Disclosure control: counts of 1 to 7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_cell_values_match_the_golden_copy()
    {
        var path = await WritePackAsync(sample[EngineNames.DuckDb], "2025-09");
        using var workbook = new XLWorkbook(path);
        var text = new StringBuilder();
        foreach (var sheet in workbook.Worksheets.Where(s => s.Name.StartsWith("Table_", StringComparison.Ordinal)))
        {
            foreach (var cell in sheet.CellsUsed())
                text.Append(sheet.Name).Append('!').Append(cell.Address).Append('=').Append(Value(cell)).Append('\n');
        }
        if (Environment.GetEnvironmentVariable("IMPACT_UPDATE_GOLDEN") == "1")
            File.WriteAllText(Golden, text.ToString());

        text.ToString().Should().Be(File.ReadAllText(Golden));
    }

    [Theory, EveryEngine]
    public async Task Text_from_an_extract_that_looks_like_a_formula_stays_text(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        var folder = Path.Combine(Path.GetTempPath(), $"impact-pack-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var file = Path.Combine(folder, "signposting.csv");
            var rows = Enumerable.Range(0, 12).Select(i =>
                $"E{i},2025-10-{6 + (i % 3):00},A81001,care_navigator,p{i},Y,,msk,EVIL,\"=HYPERLINK(\"\"http://x\"\")\",physiotherapy_msk,accepted,2025-10-20,40-64,F,3");
            await File.WriteAllLinesAsync(file, [
                "event_id,event_date,practice_code,role,patient_id,requested_gp_appointment,referrer_role,reason_code,destination_service_code,destination_service_name,destination_category,outcome,outcome_date,age_band,sex,imd_decile",
                .. rows]);
            var pack = Path.Combine(folder, "pack.xlsx");
            await using (var warehouse = await test.OpenAsync())
            {
                await new Ingestor(warehouse, new EtlOptions()).IngestAsync([file]);
                MonthlyPack.Write(pack, await new MonthlyPackBuilder(warehouse, new MethodParameters()).BuildAsync(new DateOnly(2025, 10, 1), null));
            }

            using var workbook = new XLWorkbook(pack);
            var cell = workbook.Worksheet("Table_4").CellsUsed().Single(c => c.GetString().Contains("HYPERLINK", StringComparison.Ordinal));
            cell.HasFormula.Should().BeFalse();
            cell.DataType.Should().Be(XLDataType.Text);
            cell.GetString().Should().Be("=HYPERLINK(\"http://x\")");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Both_engines_give_identical_packs()
    {
        var duckdb = await WritePackAsync(sample[EngineNames.DuckDb], "2025-09");
        var postgres = await WritePackAsync(sample[EngineNames.Postgres], "2025-09");

        Cells(postgres).Should().Equal(Cells(duckdb));
    }

    [Fact]
    public async Task Both_engines_give_identical_pcn_packs()
    {
        var duckdb = await WritePackAsync(sample[EngineNames.DuckDb], "2025-09", "U10004");
        var postgres = await WritePackAsync(sample[EngineNames.Postgres], "2025-09", "U10004");

        Cells(postgres).Should().Equal(Cells(duckdb));
    }

    // Every cell of every sheet but the Cover's load time (each engine's own clock stamped its loads).
    private static List<string> Cells(string path)
    {
        using var workbook = new XLWorkbook(path);
        return workbook.Worksheets.SelectMany(sheet => sheet.CellsUsed().Select(c => $"{sheet.Name}!{c.Address}={Value(c)}"))
            .Where(c => !c.Contains("Data as of:", StringComparison.Ordinal)).ToList();
    }

    private static string Value(IXLCell cell) => cell.DataType == XLDataType.Number
        ? cell.GetDouble().ToString("R", CultureInfo.InvariantCulture)
        : cell.GetString();

    internal static async Task<string> WritePackAsync(TestWarehouse test, string period, string? area = null)
    {
        var path = Path.Combine(Path.GetTempPath(), $"impact-pack-{Guid.NewGuid():N}.xlsx");
        await using var warehouse = await test.OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        var month = DateOnly.ParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var data = await new MonthlyPackBuilder(warehouse, new MethodParameters(), new FixedTime()).BuildAsync(month, area);
        MonthlyPack.Write(path, data);
        return path;
    }

    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2025, 10, 6, 9, 0, 0, TimeSpan.Zero);
    }
}
