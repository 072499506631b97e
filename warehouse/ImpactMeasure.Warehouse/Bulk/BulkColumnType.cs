namespace ImpactMeasure.Warehouse.Bulk;

/// <summary>The column types a bulk load writes; each engine maps them to its own wire type.</summary>
#pragma warning disable CA1720 // the members are named for the SQL types they write
public enum BulkColumnType
{
    Integer,
    BigInt,
    Text,
    Date,
    Boolean,
    Numeric,
}
#pragma warning restore CA1720
