namespace ImpactMeasure.Warehouse.Checks;

/// <summary>The outcome of one data check: how many rows offend, and a sample of them.</summary>
public sealed record CheckResult(string Name, long OffendingRows, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Sample)
{
    public bool Passed => OffendingRows == 0;
}
