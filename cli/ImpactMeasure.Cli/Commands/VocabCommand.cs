using System.CommandLine;
using System.Globalization;
using ImpactMeasure.Etl;
using ImpactMeasure.Etl.Vocabulary;
using ImpactMeasure.Warehouse.Configuration;
using Spectre.Console;

namespace ImpactMeasure.Cli.Commands;

/// <summary><c>impact vocab suggest FILE…</c>: the values of coded columns that would be quarantined, with counts and
/// the nearest codes, and a starter vocabulary map to check and copy into impact.json.</summary>
public static class VocabCommand
{
    public static Command Create(CliOutput output)
    {
        var files = new Argument<string[]>("files") { Description = "Signposting or wellbeing extracts (CSV or XLSX)", Arity = ArgumentArity.OneOrMore };
        var output_ = new Option<string>("--out") { Description = "Where to write the starter map", DefaultValueFactory = _ => "vocabulary-suggested.json" };
        var suggest = new Command("suggest", "List every value a coded column would quarantine, with counts and the nearest codes, and write a starter map.") { files, output_ };
        suggest.SetAction(parse => Suggest(parse.GetValue(files)!, CommonOptions.Configuration(parse), parse.GetValue(output_)!, output));
        return new Command("vocab", "Map a supplier's own words for categories, outcomes and roles to the extract vocabulary.") { suggest };
    }

    public static int Suggest(IReadOnlyList<string> files, ImpactConfiguration config, string path, CliOutput output)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(output);
        var missing = files.Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            output.Error.WriteLine($"{string.Join(", ", missing)}: no such file");
            return ExitCodes.Usage;
        }
        var map = EtlSettings.Load(config).Vocabulary;
        var values = VocabularySuggestions.Find(files, map);
        if (values.Count == 0)
        {
            output.Out.WriteLine($"Every value of every coded column is a code or mapped by {map.Source}: nothing to suggest.");
            return ExitCodes.Ok;
        }
        var table = new Table().Border(TableBorder.Simple).AddColumns("column", "value", "rows", "nearest codes");
        foreach (var v in values)
            table.AddRow(Markup.Escape(v.Column), Markup.Escape(v.Value), v.Rows.ToString("N0", CultureInfo.InvariantCulture), Markup.Escape(string.Join(", ", v.Nearest)));
        output.Console.Write(table);
        File.WriteAllText(path, VocabularySuggestions.StarterMap(values));
        output.Out.WriteLine($"{values.Count} values would be quarantined. Wrote a starter map to {path}: check each line, then copy its \"vocabulary\" section into impact.json.");
        return ExitCodes.Ok;
    }
}
