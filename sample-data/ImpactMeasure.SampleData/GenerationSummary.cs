using ImpactMeasure.SampleData.Output;

namespace ImpactMeasure.SampleData;

/// <summary>What a generation wrote and how fast.</summary>
public sealed record GenerationSummary(FileTally Files, TimeSpan Elapsed, long WorkingSetBytes, long PeakWorkingSetBytes)
{
    public double RowsPerSecond => Files.TotalRows / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
