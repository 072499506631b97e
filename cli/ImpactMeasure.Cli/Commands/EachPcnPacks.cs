using System.Globalization;
using ImpactMeasure.Reports;
using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Reports.Pack;
using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Configuration;
using ImpactMeasure.Warehouse.Migrations;
using Spectre.Console;

namespace ImpactMeasure.Cli.Commands;

/// <summary><c>impact report monthly --each-pcn</c>: the area's pack and one pack per PCN in it, in one run, each
/// its own protected release, with <c>index.csv</c> listing what was written.</summary>
public static class EachPcnPacks
{
    public static async Task<int> RunAsync(WarehouseLocation location, DateOnly month, string? area, string folder, ImpactConfiguration config, CliOutput output,
        bool suppress, bool allowIncomplete, bool force)
    {
        ArgumentNullException.ThrowIfNull(output);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var parameters = MethodParameters.Load(config);
        var settings = PackSettings.Load(config);
        if (OutputGuard.Refuse(folder, isFolder: true, force, output) is { } replacing)
            return replacing;
        await using var warehouse = await ImpactMeasure.Warehouse.Warehouse.OpenAsync(location, WarehouseAccess.ReadOnly);
        await new Migrator(warehouse).RequireCurrentAsync();
        if (await ReportCommand.RefuseUnknownAreaAsync(warehouse, area, output) is { } refused)
            return refused;
        var names = await ReportQueries.AreaNamesAsync(warehouse);
        var level = area is null ? "all" : names.FirstOrDefault(r => string.Equals(r.Text("code"), area, StringComparison.OrdinalIgnoreCase))?.Text("level");
        if (level is not ("all" or "ICB"))
            return output.Usage($"--each-pcn writes a pack per PCN of an ICB: --area {area} is a {level}; name its ICB or leave --area out");
        var (incompleteRefused, incomplete) = await ReportCommand.CheckCompleteAsync(warehouse, month, area, config, allowIncomplete, output);
        if (incompleteRefused is { } exit)
            return exit;
        var pcns = names.Where(r => r.Text("level") == "PCN" && (area is null || string.Equals(r.Text("icb_code"), area, StringComparison.OrdinalIgnoreCase)))
            .Select(r => r.Text("code")).Order(StringComparer.Ordinal).ToList();
        Directory.CreateDirectory(folder);
        var builder = new MonthlyPackBuilder(warehouse, parameters, pack: settings);
        var index = new List<IndexRow>();
        foreach (var code in new[] { area }.Concat(pcns))
        {
            var data = await builder.BuildAsync(month, code, suppress, incomplete);
            var file = MonthlyPack.FileName(code, month);
            MonthlyPack.Write(Path.Combine(folder, file), data);
            index.Add(IndexRow.Of(code is null ? "all" : code, code is null ? "area" : code == area ? "ICB" : "PCN", data, file));
        }
        File.WriteAllLines(Path.Combine(folder, "index.csv"), [IndexRow.Header, .. index.Select(r => r.Csv())]);
        var table = new Table().Border(TableBorder.Simple).AddColumns("area", "pack", "freed GP appointments");
        foreach (var row in index)
            table.AddRow(Markup.Escape(row.Name), Markup.Escape(row.File), Markup.Escape(row.Freed));
        output.Console.Write(table);
        output.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {index.Count} packs for {month:MMM yyyy} (the area and {pcns.Count} PCNs) and index.csv to {Path.GetFullPath(folder)} in {clock.Elapsed.TotalSeconds:F1} s"));
        return ExitCodes.Ok;
    }

    /// <summary>One line of index.csv: the pack's area, its file, and its headline freed figure as published.</summary>
    private sealed record IndexRow(string Code, string Level, string Name, string File, string Freed)
    {
        public const string Header = "area_code,level,area_name,file,freed_gp_appointments";

        public static IndexRow Of(string code, string level, MonthlyPackData data, string file)
        {
            var freed = data.Metrics.FreedGpTime;
            var area = freed.Rows.FirstOrDefault(r => r.Breakdown == "all");
            var shown = area is null ? null : freed.Show(area, FreedGpTimeColumns.FreedCentral);
            return new IndexRow(code, level, data.AreaName, file, shown switch
            {
                double d => d.ToString("0", CultureInfo.InvariantCulture),
                SuppressedCell => SuppressedCell.Symbol,
                _ => "[x]",
            });
        }

        public string Csv() => string.Join(',', new[] { Code, Level, Name, File, Freed }.Select(Quote));

        private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
            ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
