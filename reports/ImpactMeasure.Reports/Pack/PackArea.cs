namespace ImpactMeasure.Reports.Pack;

/// <summary>The area a pack is for, by name as its readers know it (a code alone means nothing on a Cover).</summary>
public sealed record PackArea(string? Code, string Name, string Level)
{
    /// <summary>"Riverside PCN (U10004)", or the ICB's name when the warehouse holds one ICB and no area was asked for.</summary>
    public string Title => Code is null ? Name : $"{Name} ({Code})";

    /// <summary>The area of <paramref name="code"/> (null: everything) from rpt_area_names rows.</summary>
    public static PackArea Resolve(IReadOnlyList<ReportQueries.Row> names, string? code)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (code is null)
        {
            var icbs = names.Where(r => r.Text("level") == "ICB").ToList();
            return icbs.Count == 1
                ? new PackArea(null, $"{NameOf(icbs[0])} ({icbs[0].Text("code")})", "ICB")
                : new PackArea(null, $"All {icbs.Count} ICBs in the warehouse", "all");
        }
        var row = names.FirstOrDefault(r => string.Equals(r.Text("code"), code, StringComparison.OrdinalIgnoreCase));
        return row is null ? new PackArea(code, code, "area") : new PackArea(row.Text("code"), NameOf(row), row.Text("level"));
    }

    private static string NameOf(ReportQueries.Row row) => row.Text("name") is { Length: > 0 } name ? name : row.Text("code");
}
