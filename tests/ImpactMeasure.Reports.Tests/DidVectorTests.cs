using ImpactMeasure.Reports.Models;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The staggered difference in differences against R did 2.5.1 (cross-checked with Python csdid):
/// vectors/models/did_*, every group-time cell and every aggregation (simple, dynamic, group, calendar) of the four configurations,
/// to 1e-9 as the vectors ask.</summary>
public class DidVectorTests
{
    private static readonly (double[,] Y, int[] FirstTreat) Panel = ReadPanel();

    public static TheoryData<string, string> Configurations() => new()
    {
        { "varying", "nevertreated" }, { "varying", "notyettreated" }, { "universal", "nevertreated" }, { "universal", "notyettreated" },
    };

    [Theory, MemberData(nameof(Configurations))]
    public void Every_group_time_effect_equals_did(string basePeriod, string control)
    {
        var cells = Cells(basePeriod, control);
        var expected = Vector.Read("models/did_attgt.csv").Where(r => r.Text("base_period") == basePeriod && r.Text("control_group") == control).ToList();

        cells.Should().HaveCount(expected.Count);
        foreach (var row in expected)
        {
            var cell = cells.Single(c => c.Group == (int)row.Number("group")!.Value && c.Time == (int)row.Number("time")!.Value);
            cell.Att.Should().BeApproximately(row.Number("att")!.Value, 1e-9, $"ATT({cell.Group},{cell.Time})");
            if (row.Number("se") is { } se)
                cell.StdError!.Value.Should().BeApproximately(se, 1e-9, $"SE({cell.Group},{cell.Time})");
            else
                cell.StdError.Should().BeNull();
        }
    }

    [Theory, MemberData(nameof(Configurations))]
    public void Every_aggregation_equals_aggte(string basePeriod, string control)
    {
        var cells = Cells(basePeriod, control);
        var rows = Vector.Read("models/did_aggte.csv").Where(r => r.Text("base_period") == basePeriod && r.Text("control_group") == control).ToList();

        var simple = StaggeredDid.Simple(cells, Panel.FirstTreat);
        var expected = rows.Single(r => r.Text("aggregation") == "simple");
        simple.Att.Should().BeApproximately(expected.Number("att")!.Value, 1e-9);
        simple.StdError.Should().BeApproximately(expected.Number("se")!.Value, 1e-9);

        var (byEvent, dynamicOverall) = StaggeredDid.Dynamic(cells, Panel.FirstTreat);
        var (byGroup, groupOverall) = StaggeredDid.Group(cells, Panel.FirstTreat);
        var (byTime, calendarOverall) = StaggeredDid.Calendar(cells, Panel.FirstTreat);
        foreach (var row in rows.Where(r => r.Text("aggregation") != "simple"))
        {
            var keyed = row.Text("key_name") == "overall" ? null : (int?)row.Number("key")!.Value;
            var got = (row.Text("aggregation"), keyed) switch
            {
                ("dynamic", null) => dynamicOverall,
                ("dynamic", { } e) => byEvent[e],
                ("group", null) => groupOverall,
                ("group", { } g) => byGroup[g],
                (_, null) => calendarOverall,
                (_, { } t) => byTime[t],
            };
            var what = $"{row.Text("aggregation")} {row.Text("key_name")} {row.Text("key")}";
            got.Att.Should().BeApproximately(row.Number("att")!.Value, 1e-9, what);
            if (row.Number("se") is { } se)
                got.StdError.Should().BeApproximately(se, 1e-9, what);
        }
    }

    private static IReadOnlyList<GroupTimeEffect> Cells(string basePeriod, string control) =>
        StaggeredDid.GroupTime(Panel.Y, Panel.FirstTreat, control == "nevertreated" ? DidControl.NeverTreated : DidControl.NotYetTreated,
            basePeriod == "varying" ? DidBasePeriod.Varying : DidBasePeriod.Universal);

    private static (double[,], int[]) ReadPanel()
    {
        var rows = Vector.Read("models/did_panel.csv");
        var units = rows.Select(r => (int)r.Number("practice_id")!.Value).Distinct().Order().ToList();
        var periods = (int)rows.Max(r => r.Number("period")!.Value);
        var y = new double[units.Count, periods];
        var first = new int[units.Count];
        foreach (var r in rows)
        {
            var i = units.IndexOf((int)r.Number("practice_id")!.Value);
            y[i, (int)r.Number("period")!.Value - 1] = r.Number("y")!.Value;
            first[i] = (int)r.Number("first_treat")!.Value;
        }
        return (y, first);
    }
}
