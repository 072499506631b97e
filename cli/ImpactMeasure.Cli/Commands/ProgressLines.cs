using System.Diagnostics;
using System.Globalization;
using ImpactMeasure.Etl;

namespace ImpactMeasure.Cli.Commands;

/// <summary>Progress on long files as periodic lines (rows so far, rows/s) on standard error, at most every
/// two seconds: readable in a terminal and in a service log alike.</summary>
public sealed class ProgressLines : IProgress<IngestProgress>
{
    private readonly TextWriter _writer;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _last = TimeSpan.Zero;
    private string? _file;

    public ProgressLines(TextWriter writer) => _writer = writer;

    public void Report(IngestProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.FileName != _file)
            _file = value.FileName;
        else if (_clock.Elapsed - _last < TimeSpan.FromSeconds(2))
        {
            return;
        }
        _last = _clock.Elapsed;
        var seconds = Math.Max(value.Elapsed.TotalSeconds, 0.001);
        _writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {value.FileName}: {value.RowsRead:N0} rows, {value.BytesRead / 1048576.0:N0} MB read ({value.RowsRead / seconds:N0} rows/s)"));
    }
}
