using System.CommandLine;
using System.Globalization;
using ImpactMeasure.SampleData;
using Spectre.Console;

namespace ImpactMeasure.Cli.Commands;

/// <summary><c>impact generate</c>: synthetic extracts of any size with planted effects and their truth.json.</summary>
public static class GenerateCommand
{
    public static Command Create(CliOutput output)
    {
        var defaults = new SampleDataOptions { OutputDirectory = "" };
        var outDir = new Option<string>("--out") { Description = "Folder to write into (created if missing)", Required = true };
        var icbs = new Option<int>("--icbs") { Description = "ICBs", DefaultValueFactory = _ => defaults.Icbs };
        var practices = new Option<int>("--practices") { Description = "Practices in all", DefaultValueFactory = _ => defaults.Practices };
        var months = new Option<int>("--months") { Description = "Months of data", DefaultValueFactory = _ => defaults.Months };
        var start = new Option<string>("--start") { Description = "First month, YYYY-MM", DefaultValueFactory = _ => defaults.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture) };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed gives byte-identical files", DefaultValueFactory = _ => defaults.Seed };
        var cells = new Option<int>("--cells") { Description = "Distinct crosstab cells per practice-month (real files: ~250)", DefaultValueFactory = _ => defaults.CrosstabCellsPerPractice };
        var representation = new Option<double>("--representation-rate") { Description = "Planted share of diverted patients back at the GP within 14 days", DefaultValueFactory = _ => defaults.RepresentationRate };
        var overload = new Option<double>("--overload-rate") { Description = "Planted capacity-refusal rate of the overloaded service from its overload month (before: 0.05)", DefaultValueFactory = _ => defaults.OverloadCapacityRate };
        var gpAfter = new Option<double>("--gp-rate-after-referral") { Description = "Planted GP appointments a month after a social prescribing referral (before and comparison: 0.45)", DefaultValueFactory = _ => defaults.GpRateAfterReferral };
        var growth = new Option<double>("--effect-growth") { Description = "0: a constant planted GP step after a link worker starts; above 0: the effect grows by this share of the step a month and earlier cohorts get more (dynamic, staggered effects)", DefaultValueFactory = _ => defaults.EffectGrowth };
        var command = new Command("generate", "Write synthetic extracts in the real formats, with planted effects recorded in truth.json.")
        {
            outDir, icbs, practices, months, start, seed, cells, representation, overload, gpAfter, growth,
        };
        command.SetAction(parse =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(start) + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
                return output.Usage($"--start '{parse.GetValue(start)}' is not a month: expected YYYY-MM");
            var options = new SampleDataOptions
            {
                OutputDirectory = parse.GetValue(outDir)!,
                Icbs = parse.GetValue(icbs),
                Practices = parse.GetValue(practices),
                Months = parse.GetValue(months),
                Start = first,
                Seed = parse.GetValue(seed),
                CrosstabCellsPerPractice = parse.GetValue(cells),
                RepresentationRate = parse.GetValue(representation),
                OverloadCapacityRate = parse.GetValue(overload),
                GpRateAfterReferral = parse.GetValue(gpAfter),
                EffectGrowth = parse.GetValue(growth),
            };
            return Run(options, output);
        });
        return command;
    }

    public static int Run(SampleDataOptions options, CliOutput output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        if (options.Problem() is { } problem)
            return output.Usage(problem);
        var summary = new SampleDataGenerator(options, output.Out.WriteLine).Generate();
        var table = new Table().Border(TableBorder.Simple).AddColumns("extract", "files", "rows");
        foreach (var (kind, (files, rows)) in summary.Files.Kinds)
            table.AddRow(kind, files.ToString("N0", CultureInfo.InvariantCulture), rows.ToString("N0", CultureInfo.InvariantCulture));
        output.Console.Write(table);
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {summary.Files.TotalRows:N0} rows to {Path.GetFullPath(options.OutputDirectory)} in {summary.Elapsed.TotalSeconds:F1} s "
            + $"({summary.RowsPerSecond:N0} rows/s, peak memory {summary.PeakWorkingSetBytes / 1048576.0:N0} MB); planted values in truth.json"));
        return ExitCodes.Ok;
    }
}
