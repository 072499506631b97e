using ImpactMeasure.Cli.Service;
using ImpactMeasure.Testing;
using ImpactMeasure.Warehouse.Sql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace ImpactMeasure.Cli.Tests;

/// <summary>The scheduler service with the real Quartz scheduler on short cron intervals.</summary>
public class ServeTests
{
    private static readonly string Sample = Path.Combine(RepositoryRoot.Path, "sample-data", "sample");

    [Fact]
    public async Task A_file_dropped_in_pieces_is_loaded_once_whole_and_a_bad_file_is_rejected_with_its_reason()
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(EngineNames.DuckDb);
        var folder = NewFolder();
        var settings = Settings(test, folder);
        var source = Path.Combine(Sample, "gpad", "practice-level-crosstab-2024-10.csv");
        var bytes = await File.ReadAllBytesAsync(source);
        using (var host = ServeHost.Build(settings))
        {
            await host.StartAsync();
            var target = Path.Combine(settings.DropFolder, "crosstab.csv");
            await using (var writer = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.Read))
            {
                await writer.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
                await writer.FlushAsync();
                await Task.Delay(TimeSpan.FromSeconds(4));
                await writer.WriteAsync(bytes.AsMemory(bytes.Length / 2));
            }
            await File.WriteAllTextAsync(Path.Combine(settings.DropFolder, "mystery.csv"), "colour,size\nred,1\n");
            await WaitForAsync(() => File.Exists(Path.Combine(settings.DropFolder, "processed", "crosstab.csv"))
                && File.Exists(Path.Combine(settings.DropFolder, "rejected", "mystery.csv.reason.txt")));
            await host.StopAsync();
        }

        (await CountAsync(test, "select count(*) from etl_load_batch where status = 'loaded' and file_name = 'crosstab.csv'")).Should().Be(1);
        var expected = File.ReadLines(source).Skip(1).Sum(l => long.Parse(l.Split(',')[^2], System.Globalization.CultureInfo.InvariantCulture));
        (await CountAsync(test, "select sum(appointment_count) from fact_appointments")).Should().Be(expected);
        (await File.ReadAllTextAsync(Path.Combine(settings.DropFolder, "rejected", "mystery.csv.reason.txt"))).Should().Contain("unknown header");
        (await CountAsync(test, "select count(*) from etl_job_run where job_name = 'drop-folder-ingest'")).Should().BeGreaterThan(0);
        var log = Directory.GetFiles(settings.LogFolder, "impact-*.log").Should().ContainSingle().Which;
        (await File.ReadAllTextAsync(log)).Should().Contain("\"@mt\":\"Ingested {Count} file(s): {Summary}\"").And.Contain("crosstab.csv");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task The_monthly_job_skips_an_incomplete_month_and_says_why()
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(EngineNames.DuckDb);
        await using (var warehouse = await test.OpenAsync())
            await new Etl.Ingestor(warehouse, new Etl.EtlOptions()).IngestAsync([Path.Combine(Sample, "reference", "gp-reg-pat-prac-map-2025-09.csv")]);
        var folder = NewFolder();
        var settings = Settings(test, folder);
        using (var host = ServeHost.Build(settings, new FixedTime(new DateTimeOffset(2025, 10, 7, 6, 0, 0, TimeSpan.Zero))))
        {
            await host.StartAsync();
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.TriggerJob(MonthlyPackJob.Key);
            for (var i = 0; i < 120 && await CountAsync(test, "select count(*) from etl_job_run") == 0; i++)
                await Task.Delay(250);
            await host.StopAsync();
        }

        await using var check = await test.OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        await using var connection = await check.OpenConnectionAsync();
        var run = (await connection.RowsAsync("select outcome, message from etl_job_run where job_name = 'monthly-pack'")).Should().ContainSingle().Which;
        run[0].Should().Be("skipped");
        ((string)run[1]!).Should().Contain("2025-09 is incomplete: 0 of 60 practices have GPAD appointments");
        (Directory.Exists(settings.OutputFolder) ? Directory.GetFiles(settings.OutputFolder, "*.xlsx") : []).Should().BeEmpty();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task On_its_working_day_the_monthly_job_writes_the_pack_and_status_shows_the_run()
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(EngineNames.DuckDb);
        await using (var warehouse = await test.OpenAsync())
            await new Etl.Ingestor(warehouse, new Etl.EtlOptions()).IngestAsync([Sample]);
        var folder = NewFolder();
        var settings = Settings(test, folder) with { PackCron = "0/1 * * * * ?" };
        using (var host = ServeHost.Build(settings, new FixedTime(new DateTimeOffset(2025, 10, 7, 6, 0, 0, TimeSpan.Zero))))
        {
            await host.StartAsync();
            await WaitForAsync(() => File.Exists(Path.Combine(settings.OutputFolder, "impact-monthly-pack-all-2025-09.xlsx")));
            await host.StopAsync();
        }
        using var output = new StringWriter();
        await Commands.StatusCommand.RunAsync(settings, new CliOutput(output, new StringWriter()), new FixedTime(new DateTimeOffset(2025, 10, 7, 6, 0, 0, TimeSpan.Zero)));

        Directory.GetFiles(Path.Combine(settings.OutputFolder, "metrics-2025-09"), "*.csv").Should().HaveCount(8);
        output.ToString().Should().Contain("monthly-pack").And.Contain("succeeded").And.Contain("drop-folder-ingest").And.Contain("2025-10-07 06:00:01");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Two_services_on_one_postgres_job_store_run_each_fire_once()
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(EngineNames.Postgres);
        await using (var warehouse = await test.OpenAsync())
            await new Etl.Ingestor(warehouse, new Etl.EtlOptions()).IngestAsync([Sample]);
        var folder = NewFolder();
        var settings = Settings(test, folder) with { PackCron = "0/2 * * * * ?", IngestCron = "0 0 6 1 1 ? 2099" };
        var time = new FixedTime(new DateTimeOffset(2025, 10, 7, 6, 0, 0, TimeSpan.Zero));
        using (var first = ServeHost.Build(settings, time))
        using (var second = ServeHost.Build(settings, time))
        {
            await first.StartAsync();
            await second.StartAsync();
            // Fires every 2 s; a loaded machine builds each pack more slowly, so wait for three fires (at most a minute)
            // rather than a fixed time.
            await using (var watch = await test.OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly))
            {
                await using var watching = await watch.OpenConnectionAsync();
                var clock = System.Diagnostics.Stopwatch.StartNew();
                while (clock.Elapsed < TimeSpan.FromSeconds(60)
                    && (await watching.RowsAsync("select fired_at from etl_job_run where job_name = 'monthly-pack' and outcome = 'succeeded'")).Count < 3)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1));
                }
            }
            await first.StopAsync();
            await second.StopAsync();
        }

        await using var check = await test.OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        await using var connection = await check.OpenConnectionAsync();
        var quartzTables = (await connection.RowsAsync("select table_name from information_schema.tables where table_schema = 'quartz' order by 1")).Select(r => r[0]).ToList();
        var schedulers = await connection.RowsAsync("select sched_name, instance_name from quartz.qrtz_scheduler_state");
        (await connection.RowsAsync("select trigger_name from quartz.qrtz_triggers")).Should().HaveCount(2, "both services share the two named triggers");
        quartzTables.Should().Contain("qrtz_triggers");
        schedulers.Should().HaveCount(2, "both services checked in to the cluster");
        var fires = (await connection.RowsAsync("select fired_at from etl_job_run where job_name = 'monthly-pack' and outcome = 'succeeded'")).Select(r => r[0]).ToList();
        fires.Should().HaveCountGreaterThan(2).And.OnlyHaveUniqueItems("a clustered job store hands each fire to one service");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_service_killed_mid_load_leaves_nothing_and_the_next_fire_loads_the_file_once()
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(EngineNames.DuckDb);
        var folder = NewFolder();
        var settings = Settings(test, folder);
        Directory.CreateDirectory(settings.DropFolder);
        SampleData.BenchmarkExtract.WriteCrosstab(Path.Combine(settings.DropFolder, "big.csv"), 300_000, seed: 3);
        var config = Path.Combine(folder, "impact.json");
        await File.WriteAllTextAsync(config, System.Text.Json.JsonSerializer.Serialize(new
        {
            serve = new
            {
                warehouse = settings.Warehouse, drop_folder = settings.DropFolder, output_folder = settings.OutputFolder,
                log_folder = settings.LogFolder, ingest_cron = settings.IngestCron, pack_cron = settings.PackCron, stable_seconds = 1,
            },
        }));
        var info = new System.Diagnostics.ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "impact.dll"), "serve", "--config", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment[Commands.IngestCommand.ProgressEveryVariable] = "1000";
        using (var service = System.Diagnostics.Process.Start(info)!)
        {
            string? line;
            while ((line = await service.StandardOutput.ReadLineAsync()) is not null && !line.Contains("Loading big.csv", StringComparison.Ordinal))
            {
            }
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
            line.Should().NotBeNull("the service was loading the file when it was killed");
        }
        (await CountAsync(test, "select count(*) from fact_appointments")).Should().Be(0);
        File.Exists(Path.Combine(settings.DropFolder, "big.csv")).Should().BeTrue("an unfinished file stays in the drop folder");

        using (var host = ServeHost.Build(settings))
        {
            await host.StartAsync();
            await WaitForAsync(() => File.Exists(Path.Combine(settings.DropFolder, "processed", "big.csv")));
            await host.StopAsync();
        }

        (await CountAsync(test, "select count(*) from fact_appointments")).Should().Be(300_000);
        (await CountAsync(test, "select count(*) from etl_load_batch where status = 'loaded'")).Should().Be(1);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_failing_job_is_retried_with_backoff_then_recorded_as_failed_and_shown_by_status()
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(EngineNames.DuckDb);
        var folder = NewFolder();
        var settings = Settings(test, folder) with { Retries = 2, RetryBackoffSeconds = 0.5, IngestCron = "0 0 6 1 1 ? 2099" };
        Directory.CreateDirectory(settings.DropFolder);
        // A file where the processed/ folder should be: every attempt loads (or finds loaded) the file, then cannot move it.
        await File.WriteAllTextAsync(Path.Combine(settings.DropFolder, "processed"), "in the way");
        using (var host = ServeHost.Build(settings))
        {
            await host.StartAsync();
            File.Copy(Path.Combine(Sample, "reference", "list-size-2025-09.csv"), Path.Combine(settings.DropFolder, "list-size.csv"));
            await (await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).TriggerJob(DropFolderIngestJob.Key);
            // Three attempts (the first and two retries after 0.5 s and 1 s), each waiting for the file to be stable.
            for (var i = 0; i < 240 && await CountAsync(test, "select count(*) from etl_job_run where outcome = 'failed'") == 0; i++)
                await Task.Delay(250);
            await host.StopAsync();
        }
        using var output = new StringWriter();
        await Commands.StatusCommand.RunAsync(settings, new CliOutput(output, new StringWriter()), TimeProvider.System);

        (await CountAsync(test, "select count(*) from etl_job_run where job_name = 'drop-folder-ingest' and outcome = 'failed'")).Should().BeGreaterThan(0);
        (await CountAsync(test, "select count(*) from etl_job_run where job_name = 'drop-folder-ingest' and outcome <> 'failed'")).Should().Be(0);
        (await CountAsync(test, "select count(*) from etl_load_batch where status = 'loaded'")).Should().Be(1, "the load itself succeeded once; retries found it already loaded");
        output.ToString().Should().Contain("failed");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_writer_that_pauses_with_the_file_open_is_waited_for()
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(EngineNames.DuckDb);
        var folder = NewFolder();
        var settings = Settings(test, folder);
        var source = Path.Combine(Sample, "gpad", "practice-level-crosstab-2024-10.csv");
        var bytes = await File.ReadAllBytesAsync(source);
        var target = Path.Combine(settings.DropFolder, "crosstab.csv");
        using (var host = ServeHost.Build(settings))
        {
            await host.StartAsync();
            // FileShare.ReadWrite: nothing but /proc tells the service that this writer is still at work.
            await using (var writer = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite))
            {
                await writer.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
                await writer.FlushAsync();
                await Task.Delay(TimeSpan.FromSeconds(5));
                File.Exists(target).Should().BeTrue("the half-written file must stay in the drop folder while its writer holds it");
                (await CountAsync(test, "select count(*) from etl_load_batch")).Should().Be(0);
                await writer.WriteAsync(bytes.AsMemory(bytes.Length / 2));
            }
            await WaitForAsync(() => File.Exists(Path.Combine(settings.DropFolder, "processed", "crosstab.csv")));
            await host.StopAsync();
        }

        var expected = File.ReadLines(source).Skip(1).Sum(l => long.Parse(l.Split(',')[^2], System.Globalization.CultureInfo.InvariantCulture));
        (await CountAsync(test, "select sum(appointment_count) from fact_appointments")).Should().Be(expected);
        Directory.Delete(folder, recursive: true);
    }

    [Theory, EveryEngine]
    public async Task Each_file_has_its_own_outcome_and_a_link_is_set_aside_unread(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        var folder = NewFolder();
        var settings = Settings(test, folder);
        Directory.CreateDirectory(settings.DropFolder);
        var secret = Path.Combine(folder, "secret.csv");
        await File.WriteAllTextAsync(secret, "top-secret-first-line\n");
        await File.WriteAllBytesAsync(Path.Combine(settings.DropFolder, "broken.xlsx"), [0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]);
        File.CreateSymbolicLink(Path.Combine(settings.DropFolder, "link.csv"), secret);
        File.Copy(Path.Combine(Sample, "reference", "list-size-2025-09.csv"), Path.Combine(settings.DropFolder, "list-size.csv"));
        // A file rejected for a value holding an NHS number: the number reaches neither its reason nor the logs.
        await File.WriteAllLinesAsync(Path.Combine(settings.DropFolder, "leaky.csv"),
        [
            "event_id,event_date,practice_code,role,patient_id,destination_service_code,destination_service_name,destination_category,outcome",
            "E1,2025-10-06,A81001,x 4002613275,p-1,MSK1,Physio,physiotherapy_msk,accepted",
        ]);
        using (var host = ServeHost.Build(settings))
        {
            await host.StartAsync();
            await WaitForAsync(() => File.Exists(Path.Combine(settings.DropFolder, "processed", "list-size.csv"))
                && File.Exists(Path.Combine(settings.DropFolder, "rejected", "leaky.csv.reason.txt"))
                && File.Exists(Path.Combine(settings.DropFolder, "rejected", "broken.xlsx.reason.txt"))
                && File.Exists(Path.Combine(settings.DropFolder, "rejected", "link.csv.reason.txt")));
            await host.StopAsync();
        }

        (await File.ReadAllTextAsync(Path.Combine(settings.DropFolder, "rejected", "broken.xlsx.reason.txt"))).Should().Contain("not a readable XLSX workbook");
        var linkReason = await File.ReadAllTextAsync(Path.Combine(settings.DropFolder, "rejected", "link.csv.reason.txt"));
        linkReason.Should().Contain("symbolic link").And.NotContain("top-secret");
        File.Exists(secret).Should().BeTrue("the link's target is never touched");
        (await File.ReadAllTextAsync(Path.Combine(settings.DropFolder, "rejected", "leaky.csv.reason.txt"))).Should().Contain("********75");
        NhsNumberScan.Folder(folder).Where(f => !f.Contains("leaky.csv:", StringComparison.Ordinal)).Should().BeEmpty();
        (await CountAsync(test, "select count(*) from etl_load_batch where status = 'loaded'")).Should().Be(1);
        Directory.Delete(folder, recursive: true);
    }

    private static ServeSettings Settings(TestWarehouse test, string folder) => new()
    {
        Warehouse = test.Uri,
        DropFolder = Path.Combine(folder, "drop"),
        OutputFolder = Path.Combine(folder, "out"),
        LogFolder = Path.Combine(folder, "logs"),
        IngestCron = "0/1 * * * * ?",
        PackCron = "0 0 6 1 1 ? 2099",
        StableSeconds = 1,
    };

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"impact-serve-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 120 && !condition(); i++)
            await Task.Delay(250);
        condition().Should().BeTrue("the service should have processed the drop folder within 30 s");
    }

    private static async Task<long> CountAsync(TestWarehouse test, string sql)
    {
        await using var warehouse = await test.OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        await using var connection = await warehouse.OpenConnectionAsync();
        return await connection.ScalarAsync<long>(sql);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
