namespace ImpactMeasure.Etl.Loading;

/// <summary>What an extract says of a practice no practice map has named yet: its code always; the crosstab also
/// its name, PCN, sub-ICB and supplier. Becomes an inferred dim_practice version.</summary>
public sealed record InferredPractice(string Code, string? Name = null, string? PcnCode = null, string? PcnName = null, string? SubIcbCode = null,
    string? SubIcbName = null, string? Supplier = null)
{
    public int Key { get; init; }

    /// <summary>Known only by its code: no PCN or sub-ICB to place it by, so its rows count as unplaced.</summary>
    public bool CodeOnly => PcnCode is null && SubIcbCode is null;
}
