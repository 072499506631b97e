using ImpactMeasure.Etl.Loading;

namespace ImpactMeasure.Etl.Batches;

/// <summary>What etl_load_batch keeps of a file that loaded.</summary>
public sealed record FinishedBatch(LoadCounters Counters, string Sha256, string TextEncoding, string? Scope, long RowsSuperseded,
    string? Message, TimeSpan Elapsed);
