using System.CommandLine;
using System.Globalization;
using ImpactMeasure.Reports.Export;
using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Migrations;

namespace ImpactMeasure.Cli.Commands;

/// <summary><c>impact export parquet</c>: the star schema as a Hive-partitioned Parquet lake with its manifest.</summary>
public static class ExportCommand
{
    public static Command Create(CliOutput output)
    {
        var outDir = new Option<string>("--out") { Description = "The lake's folder: facts under fact/year=YYYY/month=M/, dimensions whole, _manifest.json", Required = true };
        var parquet = new Command("parquet", "Export the star schema as Hive-partitioned Parquet (incremental: only fact months whose batches changed).") { outDir };
        parquet.SetAction((parse, cancel) => RunAsync(WarehouseLocation.Resolve(parse.GetValue(CommonOptions.Warehouse)), parse.GetValue(outDir)!, output, cancel));
        return new Command("export", "Export the warehouse for other platforms.") { parquet };
    }

    public static async Task<int> RunAsync(WarehouseLocation location, string folder, CliOutput output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.ReadOnly, cancellationToken);
        await new Migrator(warehouse).RequireCurrentAsync();
        var manifest = await new ParquetExport(warehouse).RunAsync(folder, cancellationToken);
        var facts = manifest.Tables.Where(t => t.Months.Count > 0 || ParquetExport.Facts.Contains(t.Name)).ToList();
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Exported {manifest.Tables.Sum(t => t.Rows):N0} rows of {manifest.Tables.Count} tables to {Path.GetFullPath(folder)} in {clock.Elapsed.TotalSeconds:F1} s: {facts.Sum(t => t.MonthsWritten):N0} fact months written, {facts.Sum(t => t.Months.Count - t.MonthsWritten):N0} unchanged; {ParquetExport.ManifestName} lists every file with its SHA-256"));
        return ExitCodes.Ok;
    }
}
