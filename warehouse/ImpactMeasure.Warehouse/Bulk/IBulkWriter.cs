namespace ImpactMeasure.Warehouse.Bulk;

/// <summary>Appends rows to one table in bulk (DuckDB appender, PostgreSQL binary COPY) inside the
/// connection's current transaction. Rows are visible after <see cref="CompleteAsync"/>.</summary>
public interface IBulkWriter : IAsyncDisposable
{
    /// <summary>Writes one row; values are in column order, null for SQL NULL.</summary>
    ValueTask WriteRowAsync(params object?[] values);

    /// <summary>Finishes the load; without it nothing is written.</summary>
    ValueTask CompleteAsync();
}
