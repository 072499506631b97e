using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ImpactMeasure.Cli.Benchmarks;
using ImpactMeasure.Etl;
using ImpactMeasure.SampleData;
using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Migrations;

namespace ImpactMeasure.Cli.Commands;

/// <summary><c>impact bench ingest</c>: the full ETL of a GPAD practice-level file against the engine's native
/// CSV load of the same file, in one run: both times, the ratio, rows/s and peak memory.</summary>
public static class BenchCommand
{
    public static Command Create(CliOutput output)
    {
        var rows = new Option<long>("--rows") { Description = "Rows in the generated crosstab", DefaultValueFactory = _ => 10_000_000 };
        var file = new Option<string?>("--file") { Description = "Benchmark this crosstab instead of generating one" };
        var work = new Option<string?>("--work") { Description = "Folder for the generated file and DuckDB warehouses (default: a temp folder, removed after)" };
        var ingest = new Command("ingest", "Time the full ETL against the engine's own CSV loader on the same file.") { rows, file, work };
        ingest.SetAction((parse, cancel) => RunAsync(parse.GetValue(CommonOptions.Warehouse), parse.GetValue(rows), parse.GetValue(file), parse.GetValue(work), output, cancel));
        return new Command("bench", "Performance figures as ratios against a baseline on the same data in the same run.") { ingest, BenchDisclosureCommand.Create(output), BenchBenchmarkCommand.Create(output), BenchModelsCommand.Create(output), BenchCitusCommand.Create(output), BenchExportCommand.Create(output) };
    }

    public static async Task<int> RunAsync(string? warehouseUri, long rows, string? file, string? workFolder, CliOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var scratch = workFolder ?? Path.Combine(Path.GetTempPath(), $"impact-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        try
        {
            var location = BenchWarehouse.Fresh(warehouseUri, scratch);
            var (csv, mapping) = Prepare(file, rows, scratch, output);
            await using (var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.Create, cancellationToken))
            {
                await new Migrator(warehouse).MigrateAsync();
                var ingestor = new Ingestor(warehouse, new EtlOptions(), new ProgressLines(output.Error));
                if (mapping is not null)
                    await ingestor.IngestFileAsync(mapping, cancellationToken);
                var clock = Stopwatch.StartNew();
                var result = await ingestor.IngestFileAsync(csv, cancellationToken);
                var etl = clock.Elapsed;
                var peak = Process.GetCurrentProcess().PeakWorkingSet64;
                if (result.Status != LoadStatus.Loaded)
                    return output.Fail($"the benchmark file did not load: {result.Message}");
                var native = await NativeCsvLoad.RunAsync(location, csv, scratch);
                Print(output, location, csv, result.RowsLoaded, etl, native, peak);
            }
            await BenchWarehouse.DropAsync(location);
            return ExitCodes.Ok;
        }
        finally
        {
            if (workFolder is null)
                Directory.Delete(scratch, recursive: true);
        }
    }

    internal static (string Csv, string? Mapping) Prepare(string? file, long rows, string scratch, CliOutput output)
    {
        if (file is not null)
            return (Path.GetFullPath(file), null);
        var csv = Path.Combine(scratch, "practice-level-crosstab-bench.csv");
        var clock = Stopwatch.StartNew();
        var codes = BenchmarkExtract.WriteCrosstab(csv, rows, seed: 1);
        var mapping = Path.Combine(scratch, "gpad-mapping-bench.csv");
        BenchmarkExtract.WriteMapping(mapping, codes);
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generated {rows:N0} rows ({new FileInfo(csv).Length / 1048576.0:N0} MB) for {codes.Count:N0} practices in {clock.Elapsed.TotalSeconds:F1} s"));
        return (csv, mapping);
    }

    private static void Print(CliOutput output, WarehouseLocation location, string csv, long rows, TimeSpan etl, TimeSpan native, long peak)
    {
        var engine = location.Engine == WarehouseEngine.DuckDb ? "DuckDB read_csv into a table" : "PostgreSQL COPY … FROM STDIN (csv)";
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            file:          {csv} ({rows:N0} rows, {new FileInfo(csv).Length / 1048576.0:N0} MB)
            impact ingest: {etl.TotalSeconds,8:F2} s  {rows / etl.TotalSeconds,12:N0} rows/s  (validate, resolve keys, bulk load, one transaction)
            native load:   {native.TotalSeconds,8:F2} s  {rows / native.TotalSeconds,12:N0} rows/s  ({engine})
            ratio:         {etl.TotalSeconds / native.TotalSeconds,8:F2}  (impact ingest / native; target ≤ 1.00)
            peak memory:   {peak / 1048576.0,8:N0} MB (whole process; target < 300 MB)
            """));
    }
}
