using ImpactMeasure.Warehouse.Bulk;
using Npgsql;
using NpgsqlTypes;

namespace ImpactMeasure.Warehouse.Engines;

/// <summary>Bulk writes through PostgreSQL binary COPY.</summary>
internal sealed class PostgresBulkWriter : IBulkWriter
{
    private readonly NpgsqlBinaryImporter _importer;
    private readonly IReadOnlyList<BulkColumn> _columns;

    private PostgresBulkWriter(NpgsqlBinaryImporter importer, IReadOnlyList<BulkColumn> columns)
    {
        _importer = importer;
        _columns = columns;
    }

    public static async Task<PostgresBulkWriter> StartAsync(NpgsqlConnection connection, string table, IReadOnlyList<BulkColumn> columns)
    {
        var columnList = string.Join(", ", columns.Select(c => c.Name));
        var importer = await connection.BeginBinaryImportAsync($"copy {table} ({columnList}) from stdin (format binary)");
        return new PostgresBulkWriter(importer, columns);
    }

    public async ValueTask WriteRowAsync(params object?[] values)
    {
        await _importer.StartRowAsync();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null)
                await _importer.WriteNullAsync();
            else
                await _importer.WriteAsync(values[i]!, DbTypeOf(_columns[i].Type));
        }
    }

    private static NpgsqlDbType DbTypeOf(BulkColumnType type) => type switch
    {
        BulkColumnType.Integer => NpgsqlDbType.Integer,
        BulkColumnType.BigInt => NpgsqlDbType.Bigint,
        BulkColumnType.Text => NpgsqlDbType.Varchar,
        BulkColumnType.Date => NpgsqlDbType.Date,
        BulkColumnType.Boolean => NpgsqlDbType.Boolean,
        BulkColumnType.Numeric => NpgsqlDbType.Numeric,
        BulkColumnType.Timestamp => NpgsqlDbType.Timestamp,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public async ValueTask CompleteAsync() => await _importer.CompleteAsync();

    public ValueTask DisposeAsync() => _importer.DisposeAsync();
}
