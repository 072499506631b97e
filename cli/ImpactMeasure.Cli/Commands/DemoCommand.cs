using System.CommandLine;
using ImpactMeasure.Etl;
using ImpactMeasure.Warehouse;

namespace ImpactMeasure.Cli.Commands;

/// <summary><c>impact demo</c>: the whole pipeline on an embedded warehouse in <c>out/</c>, with no options:
/// builds a fresh warehouse, ingests the committed sample set and checks it; the reports join as they land.</summary>
public static class DemoCommand
{
    public const string OutputFolder = "out";

    public static Command Create(CliOutput output)
    {
        var command = new Command("demo", "Build a fresh embedded warehouse in out/, load the sample data and run the pipeline end to end.");
        command.SetAction((_, cancel) => RunAsync(OutputFolder, output, cancel));
        return command;
    }

    public static async Task<int> RunAsync(string outputFolder, CliOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var sample = SampleDataFolder.Find();
        if (sample is null)
            return output.Fail("the sample set (sample-data/sample) was not found: run the demo from the repository");
        Directory.CreateDirectory(outputFolder);
        var path = Path.Combine(outputFolder, "impact.duckdb");
        // A demo starts clean so that every run gives the same answers.
        File.Delete(path);
        File.Delete(path + ".wal");
        var location = WarehouseLocation.Parse($"duckdb:{path}");
        var status = await InitCommand.RunAsync(location, output, cancellationToken);
        if (status != ExitCodes.Ok)
            return status;
        status = await IngestCommand.RunAsync(location, [sample], new EtlOptions(), output, cancellationToken);
        if (status != ExitCodes.Ok)
            return status;
        status = await CheckCommand.RunAsync(location, output, cancellationToken);
        output.Out.WriteLine($"Warehouse: {Path.GetFullPath(path)}");
        return status;
    }
}
