using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using ImpactMeasure.Reports.Models;
using ImpactMeasure.Testing;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The researcher's workbook: its estimates are the models' own, its event-study chart draws the event-study
/// table's cells, and it prints cleanly.</summary>
[Collection(SampleWarehouseGroup.Name)]
public class ModelWorkbookTests(SampleWarehouses sample)
{
    private static readonly ReportWindow Window = ReportWindow.Ending(new DateOnly(2025, 9, 1), 24, null);

    private async Task<(string Path, DidResult Did, CounterfactualResult Counterfactual)> WriteAsync(string engine)
    {
        await using var warehouse = await sample[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        var its = await new ItsReport(warehouse).RunAsync(Window);
        var did = await new DidReport(warehouse).RunAsync(Window);
        var counterfactual = await new CounterfactualReport(warehouse).RunAsync(Window);
        var path = Path.Combine(Directory.CreateTempSubdirectory("impact-models-").FullName, ModelWorkbook.FileName(Window.LastMonth));
        var referrals = MatchedReport.ReferralWindow(Window);
        ModelWorkbook.Write(path, Window, its, did, counterfactual, (referrals, await new MatchedReport(warehouse).RunAsync(referrals)), "ImpactMeasure", DateTimeOffset.UnixEpoch);
        return (path, did, counterfactual);
    }

    [Theory, EveryEngine]
    public async Task The_workbook_shows_the_models_own_estimates_and_charts_the_event_study_table(string engine)
    {
        var (path, did, counterfactual) = await WriteAsync(engine);

        using (var workbook = new XLWorkbook(path))
        {
            var estimates = workbook.Worksheet("Table_1").Tables.Single().DataRange.Rows().ToList();
            estimates.Single(r => r.Cell(1).GetString().StartsWith("Staggered", StringComparison.Ordinal)).Cell(2).GetDouble()
                .Should().BeApproximately(did.Relative.Estimate, 1e-12);
            estimates.Single(r => r.Cell(1).GetString().Contains("wild cluster bootstrap", StringComparison.Ordinal)).Cell(3).GetDouble()
                .Should().BeApproximately(did.RelativeBootstrapByPcn.Lower, 1e-12);
            estimates.Single(r => r.Cell(1).GetString().StartsWith("Counterfactual", StringComparison.Ordinal)).Cell(2).GetDouble()
                .Should().BeApproximately(counterfactual.Relative.Estimate, 1e-12);
            var events = workbook.Worksheet("Table_2").Tables.Single().DataRange.Rows().ToList();
            events.Should().HaveCount(did.EventStudy.Count);
            events.Select(r => r.Cell(1).GetDouble()).Should().BeInAscendingOrder();
        }
        using var document = SpreadsheetDocument.Open(path, false);
        var formulas = document.WorkbookPart!.WorksheetParts.SelectMany(w => w.DrawingsPart?.ChartParts ?? []).Single()
            .ChartSpace.Descendants<C.Formula>().Select(f => f.Text).ToList();
        formulas.Should().OnlyContain(f => f.StartsWith("'Table_2'!", StringComparison.Ordinal));
        formulas.Should().Contain($"'Table_2'!$B$7:$B${6 + did.EventStudy.Count}", "the estimate series spans every event month");
    }

    [Fact]
    public async Task The_plots_are_drawn_with_the_estimate_in_nhs_blue()
    {
        var (_, did, counterfactual) = await WriteAsync(EngineNames.DuckDb);
        var folder = Directory.CreateTempSubdirectory("impact-plots-").FullName;

        foreach (var (file, draw) in new (string, Action<string>)[]
        {
            (ModelPlots.EventStudyFile, path => ModelPlots.EventStudy(path, did)),
            (ModelPlots.CounterfactualFile, path => ModelPlots.Counterfactual(path, counterfactual)),
        })
        {
            var path = Path.Combine(folder, file);
            draw(path);
            using var bitmap = SkiaSharp.SKBitmap.Decode(path);
            (bitmap.Width, bitmap.Height).Should().Be((900, 520));
            bitmap.Pixels.Should().Contain(p => p.Red == 0x00 && p.Green == 0x5E && p.Blue == 0xB8, $"{file} draws its main series");
        }
    }

    [Fact]
    public async Task The_printed_workbook_has_nothing_overlapping_cut_off_or_too_small()
    {
        var (path, _, _) = await WriteAsync(EngineNames.DuckDb);

        var problems = PackLayout.Problems(path);

        problems.Should().BeEmpty("the workbook prints cleanly; found:\n" + string.Join("\n", problems));
    }
}
