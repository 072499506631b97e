using System.Globalization;
using ImpactMeasure.Etl;
using Spectre.Console;

namespace ImpactMeasure.Cli.Commands;

/// <summary>Progress as a Spectre.Console bar in an interactive terminal: bytes of the current file, with rows
/// and rows/s in its description.</summary>
public sealed class ProgressBar : IProgress<IngestProgress>
{
    private readonly ProgressContext _context;
    private ProgressTask? _task;
    private string? _file;

    public ProgressBar(ProgressContext context) => _context = context;

    public void Report(IngestProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.FileName != _file)
        {
            _task?.StopTask();
            _file = value.FileName;
            _task = _context.AddTask(Markup.Escape(value.FileName), maxValue: 1);
        }
        var rate = value.RowsRead / Math.Max(value.Elapsed.TotalSeconds, 0.001);
        _task!.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{value.FileName}: {value.RowsRead:N0} rows, {rate:N0} rows/s"));
        _task.MaxValue = Math.Max(_task.MaxValue, value.BytesRead + 1);
        _task.Value = value.BytesRead;
    }

    /// <summary>Runs a load with a bar when the terminal is interactive, else with periodic lines on standard error.</summary>
    public static async Task<T> RunAsync<T>(CliOutput output, Func<IProgress<IngestProgress>, Task<T>> load)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(load);
        if (!output.Console.Profile.Capabilities.Interactive || Console.IsErrorRedirected)
            return await load(new ProgressLines(output.Error));
        return await output.Console.Progress().AutoClear(true).StartAsync(context => load(new ProgressBar(context)));
    }
}
