using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ImpactMeasure.Reports.Models.Simulations;
using Spectre.Console;

namespace ImpactMeasure.Cli.Commands;

/// <summary><c>impact bench models [--trials N]</c>: the simulation study of METHODS §6 at a size the tests cannot
/// afford: each impact model on N simulated data sets per planted effect, including none, with the coverage of its 95%
/// interval, how often it calls the effect significant, its mean estimate against the truth, and the seed.</summary>
public static class BenchModelsCommand
{
    public static Command Create(CliOutput output)
    {
        var trials = new Option<int>("--trials") { Description = "Simulated data sets per estimator and planted effect", DefaultValueFactory = _ => 1000 };
        var command = new Command("models", "Simulate each impact model with planted effects (including none): coverage, false positives, bias.") { trials };
        command.SetAction(parse =>
        {
            var n = parse.GetValue(trials);
            return n < 20 ? output.Usage($"--trials {n}: expected at least 20") : Run(n, output);
        });
        return command;
    }

    public static int Run(int trials, CliOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var clock = Stopwatch.StartNew();
        var runs = new Func<SimulationOutcome>[]
        {
            () => ModelSimulations.Its(0, trials), () => ModelSimulations.Its(-0.05, trials), () => ModelSimulations.Its(-0.10, trials),
            () => ModelSimulations.Did(0, trials), () => ModelSimulations.Did(-0.05, trials), () => ModelSimulations.Did(-0.10, trials),
            () => ModelSimulations.Matched(0, trials), () => ModelSimulations.Matched(-0.45, trials), () => ModelSimulations.Matched(-0.9, trials),
        };
        // Each run has its own seeded generator, so they are independent and run on every core in a fixed order.
        var outcomes = runs.AsParallel().AsOrdered().WithDegreeOfParallelism(Environment.ProcessorCount).Select(r => r()).ToList();
        var table = new Table().Border(TableBorder.Simple).AddColumns("estimator", "planted", "seed", "95% interval covers", "called significant",
            "mean estimate", "mean truth");
        foreach (var o in outcomes)
        {
            table.AddRow(Markup.Escape(o.Estimator), N(o.Planted), o.Seed.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{o.Covered:N0} of {o.Trials:N0} ({o.Coverage:0.0%})"),
                string.Create(CultureInfo.InvariantCulture, $"{o.Significant:N0} ({o.SignificantShare:0.0%})"), N(o.MeanEstimate), N(o.MeanTruth));
        }
        output.Console.Write(table);
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{trials:N0} simulated data sets per row in {clock.Elapsed.TotalSeconds:F0} s. A 95% interval should cover about 95%; a planted 0 should be called significant about 5% of the time."));
        return ExitCodes.Ok;
    }

    private static string N(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
