using DuckDB.NET.Data;
using ImpactMeasure.Warehouse.Bulk;

namespace ImpactMeasure.Warehouse.Engines;

/// <summary>Bulk writes through the DuckDB appender; the appender must cover every table column in order.</summary>
internal sealed class DuckDbBulkWriter : IBulkWriter
{
    private readonly DuckDBAppender _appender;
    private readonly IReadOnlyList<BulkColumn> _columns;
    private bool _completed;

    public DuckDbBulkWriter(DuckDBConnection connection, string table, IReadOnlyList<BulkColumn> columns)
    {
        _appender = connection.CreateAppender(table);
        _columns = columns;
    }

    public ValueTask WriteRowAsync(params object?[] values)
    {
        var row = _appender.CreateRow();
        for (var i = 0; i < values.Length; i++)
            Append(row, _columns[i].Type, values[i]);
        row.EndRow();
        return ValueTask.CompletedTask;
    }

    private static void Append(IDuckDBAppenderRow row, BulkColumnType type, object? value)
    {
        if (value is null)
        {
            row.AppendNullValue();
            return;
        }
        _ = type switch
        {
            BulkColumnType.Integer => row.AppendValue((int?)Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)),
            BulkColumnType.BigInt => row.AppendValue((long?)Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
            BulkColumnType.Text => row.AppendValue((string)value),
            BulkColumnType.Date => row.AppendValue((DateOnly?)(DateOnly)value),
            BulkColumnType.Boolean => row.AppendValue((bool?)(bool)value),
            BulkColumnType.Numeric => row.AppendValue((decimal?)Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture)),
            BulkColumnType.Timestamp => row.AppendValue((DateTime?)(DateTime)value),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
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
