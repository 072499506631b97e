using System.CommandLine;
using ImpactMeasure.Etl;
using ImpactMeasure.Reports;
using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Configuration;

namespace ImpactMeasure.Cli.Commands;

/// <summary><c>impact demo</c>: the whole pipeline on an embedded warehouse in <c>out/</c>, with no options:
/// builds a fresh warehouse, ingests the committed sample set and checks it; the reports join as they land.</summary>
public static class DemoCommand
{
    public const string OutputFolder = "out";

    /// <summary>The demo's metrics cover the latest year, so rates rest on enough events.</summary>
    public const int DemoMonths = 12;

    /// <summary>The impact models need the months before the starts as well as after: two years.</summary>
    public const int ModelMonths = 24;

    public static Command Create(CliOutput output)
    {
        var command = new Command("demo", "Build a fresh embedded warehouse in out/, load the sample data and run the pipeline end to end.");
        command.SetAction((parse, cancel) => RunAsync(OutputFolder, CommonOptions.Configuration(parse), output, cancel));
        return command;
    }

    public static async Task<int> RunAsync(string outputFolder, ImpactConfiguration config, CliOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var sample = SampleDataFolder.Find();
        if (sample is null)
            return output.Fail("the sample set (sample-data/sample) was not found: run the demo from the repository");
        Directory.CreateDirectory(outputFolder);
        var path = Path.Combine(outputFolder, "impact.duckdb");
        // A demo starts clean so that every run gives the same answers; it replaces only its own files in out/.
        File.Delete(path);
        File.Delete(path + ".wal");
        var location = WarehouseLocation.Parse($"duckdb:{path}");
        var status = await InitCommand.RunAsync(location, output, cancellationToken);
        if (status != ExitCodes.Ok)
            return status;
        status = await IngestCommand.RunAsync(location, [sample], new EtlOptions(), output, cancellationToken, compact: true);
        if (status != ExitCodes.Ok)
            return status;
        status = await CheckCommand.RunAsync(location, output, cancellationToken);
        if (status != ExitCodes.Ok)
            return status;
        DateOnly? latest;
        string? firstPcn;
        await using (var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.ReadOnly, cancellationToken))
        {
            latest = await ReportQueries.LatestMonthAsync(warehouse);
            firstPcn = (await ReportQueries.AreaNamesAsync(warehouse)).Where(r => r.Text("level") == "PCN" && r.Text("code") != "U").Select(r => r.Text("code")).Order(StringComparer.Ordinal).FirstOrDefault();
        }
        if (latest is null)
            return output.Fail("the sample set loaded no appointments or signposting events");
        var metrics = Path.Combine(outputFolder, "metrics");
        status = await ReportCommand.RunAsync(location, ReportWindow.Ending(latest.Value, DemoMonths, null), metrics, suppress: true, config, output,
            force: true);
        if (status != ExitCodes.Ok)
            return status;
        var pack = Path.Combine(outputFolder, ImpactMeasure.Reports.Pack.MonthlyPack.FileName(null, latest.Value));
        status = await ReportCommand.MonthlyAsync(location, latest.Value, null, pack, config, output, force: true);
        var benchmark = Path.Combine(outputFolder, "benchmark");
        if (status == ExitCodes.Ok && firstPcn is not null)
        {
            status = await BenchmarkCommand.RunAsync(location, ReportWindow.Ending(latest.Value, DemoMonths, null), "icb", firstPcn, namePeers: false, benchmark,
                config, force: true, output, workbook: Path.Combine(benchmark, ImpactMeasure.Reports.Benchmark.BenchmarkPack.FileName(firstPcn, latest.Value)));
        }
        var models = Path.Combine(outputFolder, "models");
        if (status == ExitCodes.Ok)
            status = await ModelCommand.ItsAsync(location, ReportWindow.Ending(latest.Value, ModelMonths, null), models, force: true, output, config);
        if (status == ExitCodes.Ok)
            status = await ModelCommand.DidAsync(location, ReportWindow.Ending(latest.Value, ModelMonths, null), models, force: true, output, config);
        // The matched before/after needs six months after each referral: referrals of the twelve months before those.
        if (status == ExitCodes.Ok)
            status = await ModelCommand.MatchedAsync(location, ImpactMeasure.Reports.Models.MatchedReport.ReferralWindow(ReportWindow.Ending(latest.Value, ModelMonths, null)), models, force: true, output, config);
        if (status == ExitCodes.Ok)
            status = await ModelCommand.CounterfactualAsync(location, ReportWindow.Ending(latest.Value, ModelMonths, null), models, force: true, output, config);
        if (status == ExitCodes.Ok)
            status = await ModelCommand.WorkbookAsync(location, ReportWindow.Ending(latest.Value, ModelMonths, null), models, force: true, output, config);
        output.Out.WriteLine($"Warehouse: {Path.GetFullPath(path)}");
        output.Out.WriteLine($"Metrics:   {Path.GetFullPath(metrics)} (the 12 months to {latest:yyyy-MM})");
        output.Out.WriteLine($"Pack:      {Path.GetFullPath(pack)}");
        output.Out.WriteLine($"Models:    {Path.GetFullPath(models)} (interrupted time series, staggered difference in differences and the Microsoft.ML counterfactual over {ModelMonths} months, the matched before/after of social prescribing referrals, and the researcher's workbook)");
        output.Out.WriteLine($"Benchmark: {Path.GetFullPath(benchmark)} ({firstPcn} against the PCNs of its ICB: the Excel pack with funnel charts, the CSVs, equity by deprivation, age and sex)");
        output.Out.WriteLine($"Next:      impact report monthly --period {latest:yyyy-MM} --area U10004 -w duckdb:{path}   (a PCN's pack; see README 'After the demo')");
        return status;
    }
}
