using ImpactMeasure.Etl.Loading;

namespace ImpactMeasure.Etl.Batches;

/// <summary>What etl_load_batch keeps of a file refused whole.</summary>
public sealed record RejectedBatch(string Name, string? Sha256, string? Format, LoadCounters Counters, string Message, long SizeBytes, TimeSpan Elapsed);
