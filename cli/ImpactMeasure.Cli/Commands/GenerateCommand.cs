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
        var command = new Command("generate", "Write synthetic extracts in the real formats, with planted effects recorded in truth.json.")
        {
            outDir, icbs, practices, months, start, seed, cells,
        };
        command.SetAction(parse =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(start) + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
                return output.Fail($"--start '{parse.GetValue(start)}' is not a month: expected YYYY-MM");
            var options = new SampleDataOptions
            {
                OutputDirectory = parse.GetValue(outDir)!,
                Icbs = parse.GetValue(icbs),
                Practices = parse.GetValue(practices),
                Months = parse.GetValue(months),
                Start = first,
                Seed = parse.GetValue(seed),
                CrosstabCellsPerPractice = parse.GetValue(cells),
            };
            return Run(options, output);
        });
        return command;
    }

    public static int Run(SampleDataOptions options, CliOutput output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        if (options.Icbs < 1 || options.Practices < 3 * options.Icbs || options.Months < 1 || options.CrosstabCellsPerPractice < 1)
            return output.Fail("need at least 1 ICB, 3 practices per ICB, 1 month and 1 cell per practice");
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
