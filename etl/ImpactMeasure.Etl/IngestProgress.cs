namespace ImpactMeasure.Etl;

/// <summary>How far the load of one file has got.</summary>
public sealed record IngestProgress(string FileName, long RowsRead, long BytesRead, TimeSpan Elapsed);
