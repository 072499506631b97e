using ImpactMeasure.Cli.Service;
using ImpactMeasure.Testing;
using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Cli.Tests;

/// <summary>A job run's record survives the warehouse being open elsewhere for a moment: on DuckDB a read-only
/// connection in the same process (impact status, a test watching the table) refuses a writer while it is open,
/// and a failure whose record was lost would never show in impact status.</summary>
public class JobRunsTests
{
    [Fact]
    public async Task A_run_is_recorded_once_a_reader_that_held_the_warehouse_lets_go()
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(EngineNames.DuckDb);
        var reader = await test.OpenAsync(WarehouseAccess.ReadOnly);
        var readerConnection = await reader.OpenConnectionAsync();
        var fired = DateTimeOffset.UtcNow;

        var recording = JobRuns.RecordAsync(test.Location, "drop-folder-ingest", fired, fired, "failed", "the drop folder's processed/ is a file");
        await Task.Delay(TimeSpan.FromSeconds(1));
        recording.IsCompleted.Should().BeFalse($"the writer cannot open the warehouse while the reader holds it ({recording.Exception?.InnerException?.Message})");
        await readerConnection.DisposeAsync();
        await reader.DisposeAsync();
        await recording;

        await using var warehouse = await test.OpenAsync(WarehouseAccess.ReadOnly);
        await using var connection = await warehouse.OpenConnectionAsync();
        (await connection.ScalarAsync<long>("select count(*) from etl_job_run where outcome = 'failed'")).Should().Be(1);
    }
}
