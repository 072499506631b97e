using DuckDB.NET.Data;
using ImpactMeasure.Warehouse.Bulk;

namespace ImpactMeasure.Warehouse.Engines;

/// <summary>Bulk writes through the DuckDB appender; the appender must cover every table column in order.</summary>
internal sealed class DuckDbBulkWriter : IBulkWriter
{
    private readonly DuckDBAppender _appender;
    private readonly IReadOnlyList<BulkColumn> _columns;
    private IDuckDBAppenderRow? _row;
    private bool _completed;

    public DuckDbBulkWriter(DuckDBConnection connection, string table, IReadOnlyList<BulkColumn> columns)
    {
        _appender = connection.CreateAppender(table);
        _columns = columns;
    }

    private IDuckDBAppenderRow Row => _row ?? throw new InvalidOperationException("StartRow first");

    public void StartRow() => _row = _appender.CreateRow();

    public void Write(int value) => Row.AppendValue((int?)value);

    public void Write(long value) => Row.AppendValue((long?)value);

    public void Write(string? value) => Row.AppendValue(value);

    public void Write(DateOnly? value) => Row.AppendValue(value);

    public void Write(bool? value) => Row.AppendValue(value);

    public void Write(decimal? value) => Row.AppendValue(value);

    public void WriteNull() => Row.AppendNullValue();

    public void EndRow()
    {
        Row.EndRow();
        _row = null;
    }

    public ValueTask WriteRowAsync(params object?[] values)
    {
        StartRow();
        for (var i = 0; i < values.Length; i++)
            BulkValues.Write(this, _columns[i].Type, values[i]);
        EndRow();
        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync()
    {
        _appender.Close();
        _completed = true;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        // Disposing an appender flushes it: only a completed load may reach the table.
        if (!_completed)
            _appender.Clear();
        _appender.Dispose();
        return ValueTask.CompletedTask;
    }
}
