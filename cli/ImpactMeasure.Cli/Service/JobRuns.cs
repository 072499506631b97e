using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Cli.Service;

/// <summary>Records each job run in etl_job_run, so impact status (another process) can show it.</summary>
public static class JobRuns
{
    /// <summary>Tries for about 10 s: the warehouse may be held elsewhere for a moment (on DuckDB a read-only
    /// connection in the same process, impact status's say, makes a writer's connection read-only while it is open),
    /// and a failure whose record is lost would never show in impact status.</summary>
    public static async Task RecordAsync(WarehouseLocation location, string job, DateTimeOffset firedAt, DateTimeOffset finishedAt, string outcome, string message)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.ReadWrite);
                await using var connection = await warehouse.OpenConnectionAsync();
                await connection.ExecuteAsync(CliSql.Read(CliSql.JobRunInsert), job, firedAt.UtcDateTime, finishedAt.UtcDateTime, outcome, message);
                return;
            }
            catch (Exception ex) when (ex is WarehouseException or System.Data.Common.DbException && attempt < Attempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt));
            }
        }
    }

    private const int Attempts = 14;
}
