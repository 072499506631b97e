using ImpactMeasure.Reports.Disclosure;
using ImpactMeasure.Reports.Pack;
using ImpactMeasure.Reports.Spc;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The pack's headline SPC (METHODS §5): limits recalculated at the roll-out's start and end, words by the
/// measure's direction, p-charts for rates with small months not judged.</summary>
public class KpiChartTests
{
    private static readonly DateOnly First = new(2023, 10, 1);

    private static KpiPoint Point(int month, double value, long denominator = 0) => new(First.AddMonths(month), value,
        denominator == 0 ? [(CellKey.Total("x", "m"), (long)value)] : [(CellKey.Total("x", "m"), (long)value), (CellKey.Total("n", "m"), denominator)],
        v => v.Count == 1 ? v[0] : (double)v[0] / v[1]);

    [Fact]
    public void A_fall_after_the_roll_out_is_never_an_improvement()
    {
        // A ramp over 15 months of roll-out, then a steady ~560 a month, then a 14% fall.
        var values = Enumerable.Range(0, 15).Select(m => 120.0 + (30 * m)).Concat([525, 573, 569, 563, 577, 575, 591, 593, 495]).ToList();
        var kpi = new Kpi("freed", "appointments", false, ImprovementDirection.Increase, values.Select((v, m) => Point(m, v)).ToList())
        {
            ChangePoints = [First.AddMonths(15)],
        };

        var chart = KpiSeries.Chart(kpi, new MethodParameters());
        var withoutRecalculation = KpiSeries.Chart(kpi with { ChangePoints = [] }, new MethodParameters());

        withoutRecalculation[^1].PointType.Should().Be("special_cause_improvement", "one baseline over the roll-out calls the fall an improvement");
        chart[^1].PointType.Should().Be("special_cause_concern");
        chart.Skip(15).Should().OnlyContain(p => p.RebaseGroup == 1 && Math.Abs(p.Mean - values.Skip(15).Average()) < 1e-9);
    }

    [Fact]
    public void A_rate_is_a_p_chart_and_a_month_with_one_decision_is_not_judged()
    {
        var points = Enumerable.Range(0, 12).Select(m => Point(m, m == 5 ? 1 : 10, m == 5 ? 1 : 100)).ToList();
        var kpi = new Kpi("capacity", "%", true, ImprovementDirection.Decrease, points);

        var chart = KpiSeries.Chart(kpi, new MethodParameters());

        chart[5].Y.Should().Be(1.0);
        chart[5].SpecialCauseType.Should().Be("Not judged (too few)");
        chart[5].PointType.Should().Be("common_cause");
        chart.Should().OnlyContain(p => p.LowerLimit >= 0 && p.UpperLimit <= 1 && Math.Abs(p.Mean - 0.1) < 1e-12);
    }

    [Fact]
    public void Change_points_are_the_first_and_last_start_inside_the_series()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal) { ["role_code"] = 0, ["first_month"] = 1 };
        ReportQueries.Row Start(string role, int month) => new(index, [role, First.AddMonths(month)]);
        ReportQueries.Row[] starts = [Start("care_navigator", 0), Start("care_navigator", 4), Start("care_navigator", 15), Start("social_prescribing_link_worker", 8)];

        ChangePoints.Of(starts, "care_navigator", First, First.AddMonths(23)).Should().Equal([First.AddMonths(15)], "a start in the first month is no change within the series");
        ChangePoints.Of(starts, "social_prescribing_link_worker", First, First.AddMonths(23)).Should().Equal([First.AddMonths(8)]);
        ChangePoints.Of(starts, "gp", First, First.AddMonths(23)).Should().BeEmpty();
    }

    [Fact]
    public void Assurance_against_a_configured_target_follows_the_direction_and_an_unknown_target_is_refused()
    {
        HeadlineRow.AssuranceWords(new XmrPointLimits(0.05, 0.12), 0.2, ImprovementDirection.Decrease).Should().Be("Consistently passes the target (0.2)");
        HeadlineRow.AssuranceWords(new XmrPointLimits(0.05, 0.12), 0.2, ImprovementDirection.Increase).Should().Be("Consistently fails the target (0.2)");
        HeadlineRow.AssuranceWords(new XmrPointLimits(0.05, 0.12), 0.1, ImprovementDirection.Decrease).Should().Be("Hit and miss against the target (0.1)");
        HeadlineRow.AssuranceWords(new XmrPointLimits(0.05, 0.12), null, ImprovementDirection.Decrease).Should().Be("no target configured");

        var unknown = () => new MethodParameters { Targets = new Dictionary<string, double> { ["freed"] = 500 } }.Validate("impact.json");
        var outOfRange = () => new MethodParameters { Targets = new Dictionary<string, double> { ["capacity_rejection_rate"] = 10 } }.Validate("impact.json");

        unknown.Should().Throw<InvalidDataException>().WithMessage("impact.json: methods.targets.freed is no headline measure: expected one of signposting_events, *");
        outOfRange.Should().Throw<InvalidDataException>().WithMessage("*methods.targets.capacity_rejection_rate is 10: expected a value from 0 to 1 (a proportion such as 0.1)");
    }
}
