namespace ImpactMeasure.Etl.Reading;

/// <summary>Opens the right row source for a file: XLSX by its extension, CSV otherwise.</summary>
public static class RowSources
{
    public static bool IsXlsx(string path) => path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    public static IRowSource Open(string path) =>
        IsXlsx(path) ? XlsxRowSource.Open(path) : CsvRowSource.Open(path);
}
