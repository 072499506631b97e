using System.CommandLine;
using ImpactMeasure.Cli.Commands;
using ImpactMeasure.Warehouse;

namespace ImpactMeasure.Cli;

/// <summary>The <c>impact</c> command tree: parses arguments, runs one verb, turns known failures into
/// one-line messages and exit codes.</summary>
public static class ImpactCommandLine
{
    public static async Task<int> RunAsync(string[] args, CliOutput output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var root = Build(output);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                output.Error.WriteLine($"impact: {error.Message}");
            output.Error.WriteLine("Run 'impact --help' for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output.Out, Error = output.Error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (WarehouseException ex)
        {
            return output.Fail(ex.Message);
        }
        catch (InvalidDataException ex)
        {
            // A configuration file that does not parse (every settings loader names the file and section).
            return output.Fail(ex.Message);
        }
        catch (System.Data.Common.DbException ex)
        {
            return output.Fail($"the warehouse reported an error: {ex.Message.ReplaceLineEndings(" ")}");
        }
    }

    private static RootCommand Build(CliOutput output)
    {
        var root = new RootCommand(
            "ImpactMeasure: measures what care navigation and social prescribing achieve in English general practice.");
        root.Options.Add(CommonOptions.Warehouse);
        root.Options.Add(CommonOptions.Config);
        root.Subcommands.Add(DemoCommand.Create(output));
        root.Subcommands.Add(InitCommand.Create(output));
        root.Subcommands.Add(CheckCommand.Create(output));
        root.Subcommands.Add(GenerateCommand.Create(output));
        root.Subcommands.Add(IngestCommand.Create(output));
        root.Subcommands.Add(BenchCommand.Create(output));
        root.Subcommands.Add(ReportCommand.Create(output));
        root.Subcommands.Add(ServeCommand.Create(output));
        root.Subcommands.Add(StatusCommand.Create(output));
        root.Subcommands.Add(VocabCommand.Create(output));
        root.Subcommands.Add(ModelCommand.Create(output));
        root.Subcommands.Add(ExportCommand.Create(output));
        return root;
    }
}
