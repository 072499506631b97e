using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Warehouse.Checks;

/// <summary>Runs every <c>sql/checks/assert_*.sql</c>: each returns the rows that break a rule, so empty = pass.</summary>
public sealed class DataChecks
{
    private const int SampleSize = 5;
    private readonly Warehouse _warehouse;

    public DataChecks(Warehouse warehouse) => _warehouse = warehouse;

    /// <summary>The check names, in the order they run.</summary>
    public static IReadOnlyList<string> Names =>
        SqlScripts.Warehouse.Under("sql/checks/").Select(SqlScripts.NameOf).ToList();

    public async Task<IReadOnlyList<CheckResult>> RunAllAsync(CancellationToken cancellationToken = default)
    {
        var results = new List<CheckResult>();
        await using var connection = await _warehouse.OpenConnectionAsync(cancellationToken);
        foreach (var path in SqlScripts.Warehouse.Under("sql/checks/"))
        {
            var query = SqlStatements.AsSubquery(SqlScripts.Warehouse.Read(path));
            var count = await connection.ScalarAsync<long>($"select count(*) from ({query}) as offending");
            var columns = new List<string>();
            var sample = new List<object?[]>();
            if (count > 0)
            {
                await using var command = connection.Command($"select * from ({query}) as offending limit {SampleSize}");
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                for (var i = 0; i < reader.FieldCount; i++)
                    columns.Add(reader.GetName(i));
                while (await reader.ReadAsync(cancellationToken))
                {
                    var row = new object?[reader.FieldCount];
                    for (var i = 0; i < row.Length; i++)
                        row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    sample.Add(row);
                }
            }
            results.Add(new CheckResult(SqlScripts.NameOf(path), count, columns, sample));
        }
        return results;
    }
}
