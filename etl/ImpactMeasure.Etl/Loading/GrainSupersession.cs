namespace ImpactMeasure.Etl.Loading;

/// <summary>How a format replaces earlier batches at its data's own grain: a query for the batches the new one
/// replaces ($1: new batch, $2: scope), the deletes of their facts at the grain, and a query for those still holding
/// facts. The batch register is marked between the steps by batch id, not by one update joined to the facts,
/// because Citus updates its reference tables only from reference tables.</summary>
public sealed record GrainSupersession(string Replaced, string Delete, string Kept)
{
    public IReadOnlyList<string> Scripts => [Replaced, Delete, Kept];
}
