using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Cli.Service;

/// <summary>Records each job run in etl_job_run, so impact status (another process) can show it.</summary>
public static class JobRuns
{
    public static async Task RecordAsync(WarehouseLocation location, string job, DateTimeOffset firedAt, DateTimeOffset finishedAt, string outcome, string message)
    {
        await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.ReadWrite);
        await using var connection = await warehouse.OpenConnectionAsync();
        await connection.ExecuteAsync(CliSql.Read(CliSql.JobRunInsert), job, firedAt.UtcDateTime, finishedAt.UtcDateTime, outcome, message);
    }
}
