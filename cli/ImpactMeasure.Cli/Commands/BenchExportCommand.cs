using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ImpactMeasure.Reports.Export;
using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Migrations;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Cli.Commands;

/// <summary><c>impact bench export</c>: the Parquet export of a DuckDB warehouse against DuckDB's own
/// <c>COPY … TO</c> of the same tables into the same layout, in one run: rows/s of each, the ratio, and the time of an
/// incremental rerun that finds nothing changed.</summary>
public static class BenchExportCommand
{
    public static Command Create(CliOutput output)
    {
        var command = new Command("export", "Time impact export parquet against DuckDB's own COPY … TO of the same tables.");
        command.SetAction((parse, cancel) => RunAsync(WarehouseLocation.Resolve(parse.GetValue(CommonOptions.Warehouse)), output, cancel));
        return command;
    }

    public static async Task<int> RunAsync(WarehouseLocation location, CliOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(output);
        if (location.Engine != WarehouseEngine.DuckDb)
            return output.Usage("the yardstick is DuckDB's own COPY … TO, which reads a DuckDB warehouse: name one with -w duckdb:FILE");
        var scratch = Path.Combine(Path.GetTempPath(), $"impact-bench-{Guid.NewGuid():N}");
        try
        {
            await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.ReadOnly, cancellationToken);
            await new Migrator(warehouse).RequireCurrentAsync();
            var clock = Stopwatch.StartNew();
            var manifest = await new ParquetExport(warehouse).RunAsync(Path.Combine(scratch, "export"), cancellationToken);
            var export = clock.Elapsed;
            clock.Restart();
            await new ParquetExport(warehouse).RunAsync(Path.Combine(scratch, "export"), cancellationToken);
            var rerun = clock.Elapsed;
            var native = await NativeCopyAsync(warehouse, Path.Combine(scratch, "native"));
            var rows = manifest.Tables.Sum(t => t.Rows);
            output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                warehouse:           {location.Display}: {rows:N0} rows of {manifest.Tables.Count} tables, {manifest.Tables.Sum(t => t.Months.Count):N0} fact months
                impact export:       {export.TotalSeconds,8:F2} s  {rows / export.TotalSeconds,12:N0} rows/s  (whole lake, manifest with SHA-256 of every file)
                DuckDB COPY … TO:    {native.TotalSeconds,8:F2} s  {rows / native.TotalSeconds,12:N0} rows/s  (the same tables and partitions, no manifest)
                ratio:               {export.TotalSeconds / native.TotalSeconds,8:F2}  (impact export / COPY … TO)
                incremental rerun:   {rerun.TotalSeconds,8:F2} s  (nothing changed: no month written)
                """));
            return ExitCodes.Ok;
        }
        finally
        {
            if (Directory.Exists(scratch))
                Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task<TimeSpan> NativeCopyAsync(ImpactMeasure.Warehouse.Warehouse warehouse, string folder)
    {
        await using var connection = await warehouse.OpenConnectionAsync();
        var clock = Stopwatch.StartNew();
        foreach (var table in ParquetExport.Dimensions)
        {
            Directory.CreateDirectory(Path.Combine(folder, table));
            await connection.ExecuteAsync(CliSql.Read(CliSql.BenchNativeParquetTable).Replace("{table}", table, StringComparison.Ordinal)
                .Replace("{file}", Quote(Path.Combine(folder, table, "data.parquet")), StringComparison.Ordinal));
        }
        foreach (var fact in ParquetExport.Facts)
        {
            await connection.ExecuteAsync(CliSql.Read(CliSql.BenchNativeParquetFact).Replace("{table}", fact, StringComparison.Ordinal)
                .Replace("{folder}", Quote(Path.Combine(folder, fact)), StringComparison.Ordinal));
        }
        return clock.Elapsed;
    }

    private static string Quote(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
}
