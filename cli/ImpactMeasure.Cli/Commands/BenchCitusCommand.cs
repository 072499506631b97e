using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ImpactMeasure.Cli.Benchmarks;
using ImpactMeasure.Etl;
using ImpactMeasure.Reports;
using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Engines;
using ImpactMeasure.Warehouse.Migrations;
using Npgsql;

namespace ImpactMeasure.Cli.Commands;

/// <summary><c>impact bench citus</c>: the warehouse on a Citus cluster against single-node PostgreSQL on the same
/// data in one run: the ETL of a generated GPAD crosstab into each, beside the single server's own COPY of the file;
/// and, with <c>--period</c>, the metrics of a window computed on each, their files compared byte for byte — on fresh
/// warehouses loaded from <c>--extracts</c> (timed too), or on the two named warehouses as they stand. Fresh
/// warehouses are new databases (on the cluster: on every node), dropped after.</summary>
public static class BenchCitusCommand
{
    public static Command Create(CliOutput output)
    {
        var cluster = new Option<string>("--cluster") { Description = "A database on the Citus coordinator (URI or connection string) whose workers are added", Required = true };
        var rows = new Option<long>("--rows") { Description = "Rows in the generated crosstab (0: skip the ingest comparison)", DefaultValueFactory = _ => 10_000_000 };
        var extracts = new Option<string?>("--extracts") { Description = "A folder of extracts (e.g. from impact generate) to load into both and compute the metrics on" };
        var period = new Option<string?>("--period") { Description = "Time the metrics of the window ending this month, YYYY-MM: on fresh warehouses loaded from --extracts, else on the two warehouses as they stand" };
        var months = new Option<int>("--months") { Description = "Months in the window", DefaultValueFactory = _ => 24 };
        var command = new Command("citus", "Time the ETL and the metrics on a Citus cluster against single-node PostgreSQL (-w) on the same data.")
            { cluster, rows, extracts, period, months };
        command.SetAction((parse, cancel) =>
        {
            var singleNode = parse.GetValue(CommonOptions.Warehouse) is { } uri ? WarehouseLocation.Resolve(uri) : null;
            if (singleNode?.Engine != WarehouseEngine.Postgres)
                return Task.FromResult(output.Usage("-w must name single-node PostgreSQL (postgres://user@host:port/db): the baseline the cluster is timed against"));
            ReportWindow? window = null;
            if (parse.GetValue(period) is { } given)
            {
                if (!ReportCommand.TryMonth(given, out var month))
                    return Task.FromResult(output.Usage($"--period '{given}' is not a month: expected YYYY-MM"));
                window = ReportWindow.Ending(month, parse.GetValue(months), null);
            }
            else if (parse.GetValue(extracts) is not null)
                return Task.FromResult(output.Usage("--extracts needs --period YYYY-MM: the window whose metrics are timed"));
            var clusterLocation = WarehouseLocation.Resolve(parse.GetValue(cluster)!);
            if (clusterLocation.Engine != WarehouseEngine.Postgres)
                return Task.FromResult(output.Usage("--cluster must name a database on a Citus coordinator (postgres://user@host:port/db)"));
            return RunAsync(singleNode, clusterLocation, parse.GetValue(rows), parse.GetValue(extracts), window, MethodParameters.Load(CommonOptions.Configuration(parse)), output, cancel);
        });
        return command;
    }

    public static async Task<int> RunAsync(WarehouseLocation singleNode, WarehouseLocation cluster, long rows, string? extracts, ReportWindow? window,
        MethodParameters parameters, CliOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(singleNode);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(output);
        var workers = await CitusDatabases.WorkersAsync(cluster.ConnectionString);
        if (workers.Count == 0)
            return output.Fail($"{cluster.Display} lists no Citus workers: add them with select citus_add_node('host', port)");
        var scratch = Path.Combine(Path.GetTempPath(), $"impact-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        try
        {
            output.Out.WriteLine($"Citus: a coordinator and {workers.Count} workers ({string.Join(", ", workers.Select(w => $"{w.Host}:{w.Port}"))}); single node: {singleNode.Display}");
            if (rows > 0)
                await CompareIngestAsync(singleNode, cluster, rows, scratch, output, cancellationToken);
            if (window is not null)
                return await CompareMetricsAsync(singleNode, cluster, extracts, window, parameters, scratch, output, cancellationToken);
            return ExitCodes.Ok;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task CompareIngestAsync(WarehouseLocation singleNode, WarehouseLocation cluster, long rows, string scratch, CliOutput output,
        CancellationToken cancellationToken)
    {
        var (csv, mapping) = BenchCommand.Prepare(null, rows, scratch, output);
        var (distributed, loaded) = await OnFreshAsync(cluster, true, w => IngestAsync(w, [mapping!], csv, cancellationToken));
        var (alone, copy) = await OnFreshAsync(singleNode, false, async w =>
            ((await IngestAsync(w, [mapping!], csv, cancellationToken)).Elapsed, await NativeCsvLoad.RunAsync(w.Location, csv, scratch)));
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            ingest of {loaded:N0} GPAD crosstab rows ({new FileInfo(csv).Length / 1048576.0:N0} MB), one transaction each:
              Citus cluster, impact ingest:     {distributed.TotalSeconds,8:F2} s  {loaded / distributed.TotalSeconds,12:N0} rows/s  (binary COPY through the coordinator)
              single node, impact ingest:       {alone.TotalSeconds,8:F2} s  {loaded / alone.TotalSeconds,12:N0} rows/s  (binary COPY)
              single node, the server's COPY:   {copy.TotalSeconds,8:F2} s  {loaded / copy.TotalSeconds,12:N0} rows/s  (COPY … FROM STDIN (csv) of the file, no checks)
              ratio cluster / single ingest:    {distributed.TotalSeconds / alone.TotalSeconds,8:F2}
              ratio cluster / single COPY:      {distributed.TotalSeconds / copy.TotalSeconds,8:F2}
            """));
    }

    // With extracts: fresh warehouses loaded from them; without: the two warehouses as they stand (loaded alike).
    private static async Task<int> CompareMetricsAsync(WarehouseLocation singleNode, WarehouseLocation cluster, string? extracts, ReportWindow window,
        MethodParameters parameters, string scratch, CliOutput output, CancellationToken cancellationToken)
    {
        var timings = new Dictionary<string, (TimeSpan Load, long Rows, TimeSpan Metrics)>();
        foreach (var (name, location, distribute) in new[] { ("citus", cluster, true), ("single", singleNode, false) })
        {
            async Task<((TimeSpan, long), TimeSpan)> Measure(ImpactMeasure.Warehouse.Warehouse warehouse)
            {
                var loaded = extracts is null ? (TimeSpan.Zero, 0L) : await IngestAsync(warehouse, [], extracts, cancellationToken);
                var clock = Stopwatch.StartNew();
                (await new MetricsReport(warehouse, parameters).RunAsync(window)).WriteCsv(Path.Combine(scratch, name));
                return (loaded, clock.Elapsed);
            }
            var ((load, rows), metrics) = extracts is null ? await OnStandingAsync(location, Measure) : await OnFreshAsync(location, distribute, Measure);
            timings[name] = (load, rows, metrics);
        }
        var differ = Directory.EnumerateFiles(Path.Combine(scratch, "single")).Order(StringComparer.Ordinal)
            .Where(f => !File.ReadAllBytes(f).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(scratch, "citus", Path.GetFileName(f)))))
            .Select(Path.GetFileName).ToList();
        var files = Directory.EnumerateFiles(Path.Combine(scratch, "single")).Count();
        var (c, s) = (timings["citus"], timings["single"]);
        output.Out.WriteLine(extracts is null
            ? $"metrics for {window.Describe()} on the two warehouses as they stand:"
            : string.Create(CultureInfo.InvariantCulture, $"""
                extracts in {extracts} ({s.Rows:N0} rows), metrics for {window.Describe()}:
                  load, Citus cluster:              {c.Load.TotalSeconds,8:F2} s  {c.Rows / c.Load.TotalSeconds,12:N0} rows/s
                  load, single node:                {s.Load.TotalSeconds,8:F2} s  {s.Rows / s.Load.TotalSeconds,12:N0} rows/s
                  ratio cluster / single, load:     {c.Load.TotalSeconds / s.Load.TotalSeconds,8:F2}
                """));
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
              metrics, Citus cluster:           {c.Metrics.TotalSeconds,8:F2} s
              metrics, single node:             {s.Metrics.TotalSeconds,8:F2} s
              ratio cluster / single, metrics:  {c.Metrics.TotalSeconds / s.Metrics.TotalSeconds,8:F2}
              metric files:                     {(differ.Count == 0 ? $"{files} files, byte-identical on both" : $"DIFFER: {string.Join(", ", differ)}")}
            """));
        return differ.Count == 0 ? ExitCodes.Ok : output.Fail("the cluster's metric files differ from single-node PostgreSQL's");
    }

    private static async Task<T> OnStandingAsync<T>(WarehouseLocation location, Func<ImpactMeasure.Warehouse.Warehouse, Task<T>> work)
    {
        await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.ReadOnly);
        await new Migrator(warehouse).RequireCurrentAsync();
        return await work(warehouse);
    }

    // Loads files in order (the last one timed alone when given, else all of them timed together) and returns the
    // time and rows of the timed part.
    private static async Task<(TimeSpan Elapsed, long Rows)> IngestAsync(ImpactMeasure.Warehouse.Warehouse warehouse, IReadOnlyList<string> before, string timed,
        CancellationToken cancellationToken)
    {
        var ingestor = new Ingestor(warehouse, new EtlOptions());
        if (before.Count > 0)
            await ingestor.IngestAsync(before, cancellationToken);
        var clock = Stopwatch.StartNew();
        var results = await ingestor.IngestAsync([timed], cancellationToken);
        var elapsed = clock.Elapsed;
        if (results.FirstOrDefault(r => r.Status is LoadStatus.Failed or LoadStatus.Rejected) is { } bad)
            throw new InvalidOperationException($"{bad.File} did not load: {bad.Message}");
        return (elapsed, results.Sum(r => r.RowsLoaded));
    }

    // A fresh database beside the one named (on a cluster: on every node, distributed as init --citus does), migrated;
    // dropped after the work.
    private static async Task<T> OnFreshAsync<T>(WarehouseLocation beside, bool citus, Func<ImpactMeasure.Warehouse.Warehouse, Task<T>> work)
    {
        var location = citus
            ? WarehouseLocation.Parse(await CitusDatabases.CreateBesideAsync(beside.ConnectionString,
                BenchWarehouse.FreshName(new NpgsqlConnectionStringBuilder(beside.ConnectionString).Database!)))
            : BenchWarehouse.Fresh(beside.ConnectionString, Path.GetTempPath());
        try
        {
            await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.Create);
            await new Migrator(warehouse).MigrateAsync();
            if (citus)
            {
                await using var connection = await warehouse.OpenConnectionAsync();
                await CitusDistribution.DistributeAsync(connection);
            }
            return await work(warehouse);
        }
        finally
        {
            if (citus)
                await CitusDatabases.DropAsync(location.ConnectionString);
            else
                await BenchWarehouse.DropAsync(location);
        }
    }
}
