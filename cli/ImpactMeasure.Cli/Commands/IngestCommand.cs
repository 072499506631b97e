using System.CommandLine;
using System.Globalization;
using ImpactMeasure.Etl;
using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Checks;
using ImpactMeasure.Warehouse.Migrations;
using Spectre.Console;

namespace ImpactMeasure.Cli.Commands;

/// <summary><c>impact ingest FILE… | --drop DIR</c>: loads extracts and prints the load report.
/// Exit code 0 when everything loaded, 3 when any file was rejected (the others still load), 1 on failure.</summary>
public static class IngestCommand
{
    /// <summary>Rows between progress reports (default 250,000).</summary>
    public const string ProgressEveryVariable = "IMPACT_PROGRESS_EVERY_ROWS";

    public static Command Create(CliOutput output)
    {
        var files = new Argument<string[]>("files") { Description = "Extract files (CSV, or XLSX for the local formats)", Arity = ArgumentArity.ZeroOrMore };
        var drop = new Option<string?>("--drop") { Description = "Load every .csv and .xlsx file under this folder" };
        var asOf = new Option<string?>("--as-of") { Description = "Date (YYYY-MM-DD) a practice mapping without its own extract date takes effect" };
        var maxBad = new Option<double?>("--max-bad-rows") { Description = "Reject a file whose bad rows exceed this share (default 0.05, or the config's etl.max_bad_rows)" };
        var command = new Command("ingest", "Validate and load extract files into the warehouse, one transaction per file.") { files, drop, asOf, maxBad };
        command.SetAction(async (parse, cancel) =>
        {
            var paths = (parse.GetValue(files) ?? []).ToList();
            if (parse.GetValue(drop) is { } folder)
                paths.Add(folder);
            if (paths.Count == 0)
                return output.Fail("name the files to load, or --drop FOLDER");
            DateOnly? date = null;
            if (parse.GetValue(asOf) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    return output.Fail($"--as-of '{text}' is not a date: expected YYYY-MM-DD");
                date = parsed;
            }
            var options = EtlSettings.Load(CommonOptions.Configuration(parse)).Options() with { AsOf = date };
            if (parse.GetValue(maxBad) is { } share)
            {
                if (!double.IsFinite(share) || share is < 0 or > 1)
                    return output.Usage($"--max-bad-rows {share.ToString(CultureInfo.InvariantCulture)}: {EtlSettings.MaxBadRowsExpected}");
                options = options with { MaxBadRowShare = share };
            }
            if (int.TryParse(Environment.GetEnvironmentVariable(ProgressEveryVariable), CultureInfo.InvariantCulture, out var every) && every > 0)
                options = options with { ProgressEveryRows = every };
            return await RunAsync(WarehouseLocation.Resolve(parse.GetValue(CommonOptions.Warehouse)), paths, options, output, cancel);
        });
        return command;
    }

    public static async Task<int> RunAsync(WarehouseLocation location, IReadOnlyList<string> paths, EtlOptions options, CliOutput output, CancellationToken cancellationToken,
        bool compact = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.ReadWrite, cancellationToken);
        await new Migrator(warehouse).RequireCurrentAsync();
        Ingestor? ingestor = null;
        var results = await ProgressBar.RunAsync(output, progress => (ingestor = new Ingestor(warehouse, options, progress)).IngestAsync(paths, cancellationToken));
        if (ingestor?.RepairedRows > 0)
            output.Error.WriteLine($"impact: warning: removed {ingestor.RepairedRows:N0} rows that a load cut off inside its commit had left behind (their file was not recorded as loaded)");
        LoadReport.Print(output, results, compact);
        var checks = await new DataChecks(warehouse).RunAllAsync(cancellationToken);
        foreach (var failed in checks.Where(c => !c.Passed))
            output.Error.WriteLine($"impact: warning: data check {failed.Name} fails after this load ({failed.OffendingRows} rows): run 'impact check'");
        return results.Any(r => r.Status == LoadStatus.Failed) ? ExitCodes.Failed
            : results.Any(r => r.Status == LoadStatus.Rejected) ? ExitCodes.InputRejected
            : ExitCodes.Ok;
    }
}
