namespace ImpactMeasure.Warehouse.Bulk;

/// <summary>Appends rows to one table in bulk (DuckDB appender, PostgreSQL binary COPY) inside the
/// connection's current transaction. Rows are visible after <see cref="CompleteAsync"/>. The typed
/// <c>Write</c> calls are the hot path (no boxing); <see cref="WriteRowAsync"/> is the convenient one.</summary>
public interface IBulkWriter : IAsyncDisposable
{
    void StartRow();

    void Write(int value);

    void Write(long value);

    void Write(string? value);

    void Write(DateOnly? value);

    void Write(bool? value);

    void Write(decimal? value);

    void WriteNull();

    void EndRow();

    /// <summary>Writes one row; values are in column order, null for SQL NULL.</summary>
    ValueTask WriteRowAsync(params object?[] values);

    /// <summary>Finishes the load; without it nothing is written.</summary>
    ValueTask CompleteAsync();
}
