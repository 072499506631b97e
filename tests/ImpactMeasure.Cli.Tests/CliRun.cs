using ImpactMeasure.Cli;

namespace ImpactMeasure.Cli.Tests;

/// <summary>Runs <c>impact</c> in process with captured output.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ImpactCommandLine.RunAsync(args, new CliOutput(output, error));
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
