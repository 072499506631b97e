using Spectre.Console;

namespace ImpactMeasure.Cli;

/// <summary>Where a command writes: standard output for results, standard error for problems.
/// Tests pass string writers; tables go through Spectre.Console bound to the same writer.</summary>
public sealed class CliOutput
{
    public CliOutput(TextWriter output, TextWriter error)
    {
        Out = output;
        Error = error;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
        });
        // Redirected output (logs, CI, tests) gets wide tables rather than 80-column wrapping.
        if (!Console.Profile.Capabilities.Interactive)
            Console.Profile.Width = Math.Max(Console.Profile.Width, 180);
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>For tables and markup; writes to <see cref="Out"/>.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Writes a one-line error to standard error and returns <see cref="ExitCodes.Failed"/>.</summary>
    public int Fail(string message)
    {
        Error.WriteLine($"impact: error: {message}");
        return ExitCodes.Failed;
    }

    /// <summary>Writes a one-line error about an argument and returns <see cref="ExitCodes.Usage"/>.</summary>
    public int Usage(string message)
    {
        Error.WriteLine($"impact: error: {message}");
        return ExitCodes.Usage;
    }
}
