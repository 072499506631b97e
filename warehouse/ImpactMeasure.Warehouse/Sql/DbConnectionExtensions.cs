using System.Data.Common;

namespace ImpactMeasure.Warehouse.Sql;

/// <summary>Short forms for running SQL with positional parameters (<c>$1</c>, <c>$2</c> …) on either engine.</summary>
public static class DbConnectionExtensions
{
    public static DbCommand Command(this DbConnection connection, string sql, params object?[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(parameters);
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // SQL comes from embedded files; values always travel as parameters
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var value in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public static async Task<int> ExecuteAsync(this DbConnection connection, string sql, params object?[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs each statement of a script in turn with the parameters it names ($1 … $n of
    /// <paramref name="parameters"/>); returns the rows each statement affected.</summary>
    public static async Task<IReadOnlyList<int>> ExecuteScriptAsync(this DbConnection connection, string script, params object?[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var affected = new List<int>();
        foreach (var statement in SqlStatements.Split(script))
            affected.Add(await connection.ExecuteAsync(statement, parameters[..SqlStatements.ParameterCount(statement)]));
        return affected;
    }

    public static async Task<T?> ScalarAsync<T>(this DbConnection connection, string sql, params object?[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        var value = await command.ExecuteScalarAsync();
        // DuckDB sums bigints into HUGEINT (BigInteger), which Convert cannot change.
        if (value is System.Numerics.BigInteger huge)
            value = (decimal)huge;
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Reads every row as an array of column values (DBNull becomes null).</summary>
    public static async Task<List<object?[]>> RowsAsync(this DbConnection connection, string sql, params object?[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }
}
