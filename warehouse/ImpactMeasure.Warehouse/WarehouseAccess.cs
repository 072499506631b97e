namespace ImpactMeasure.Warehouse;

/// <summary>How a command opens the warehouse.</summary>
public enum WarehouseAccess
{
    /// <summary>Create the database when it does not exist yet (<c>impact init</c>).</summary>
    Create,

    /// <summary>Open an existing warehouse to write to it.</summary>
    ReadWrite,

    /// <summary>Open an existing warehouse to read only (a DuckDB file then allows other readers).</summary>
    ReadOnly,
}
