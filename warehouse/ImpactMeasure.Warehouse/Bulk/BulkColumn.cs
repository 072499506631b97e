namespace ImpactMeasure.Warehouse.Bulk;

/// <summary>One column of a bulk load, in table order.</summary>
public sealed record BulkColumn(string Name, BulkColumnType Type);
