using nietras.SeparatedValues;

namespace ImpactMeasure.SampleData.Output;

/// <summary>A CSV file written row by row (RFC 4180 quoting where needed, LF, invariant text), header
/// always present; counts its rows.</summary>
public sealed class CsvOut : IDisposable
{
    private readonly SepWriter _writer;

    public CsvOut(string path, IReadOnlyList<string> header)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        _writer = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(path);
        _writer.Header.Add(header);
        Path = path;
    }

    public string Path { get; }

    public long Rows { get; private set; }

    public void Write(params ReadOnlySpan<string> values)
    {
        using var row = _writer.NewRow();
        for (var i = 0; i < values.Length; i++)
            row[i].Set(values[i]);
        Rows++;
    }

    public void Dispose()
    {
        if (Rows == 0)
            _writer.Header.Write();
        _writer.Dispose();
    }
}
