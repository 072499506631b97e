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

    public void StartRow() => _importer.StartRow();

    public void Write(int value) => _importer.Write(value, NpgsqlDbType.Integer);

    public void Write(long value) => _importer.Write(value, NpgsqlDbType.Bigint);

    public void Write(string? value) => WriteOrNull(value, NpgsqlDbType.Varchar);

    public void Write(DateOnly? value)
    {
        if (value is { } date)
            _importer.Write(date, NpgsqlDbType.Date);
        else
            _importer.WriteNull();
    }

    public void Write(bool? value)
    {
        if (value is { } flag)
            _importer.Write(flag, NpgsqlDbType.Boolean);
        else
            _importer.WriteNull();
    }

    public void Write(decimal? value)
    {
        if (value is { } number)
            _importer.Write(number, NpgsqlDbType.Numeric);
        else
            _importer.WriteNull();
    }

    public void WriteNull() => _importer.WriteNull();

    public void EndRow()
    {
    }

    private void WriteOrNull(string? value, NpgsqlDbType type)
    {
        if (value is null)
            _importer.WriteNull();
        else
            _importer.Write(value, type);
    }

    public ValueTask WriteRowAsync(params object?[] values)
    {
        StartRow();
        for (var i = 0; i < values.Length; i++)
            BulkValues.Write(this, _columns[i].Type, values[i]);
        EndRow();
        return ValueTask.CompletedTask;
    }

    public async ValueTask CompleteAsync() => await _importer.CompleteAsync();

    public ValueTask DisposeAsync() => _importer.DisposeAsync();
}
