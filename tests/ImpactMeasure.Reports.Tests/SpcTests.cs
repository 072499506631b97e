using System.Globalization;
using ImpactMeasure.Reports.Spc;

namespace ImpactMeasure.Reports.Tests;

/// <summary>Every row of the NHSRplotthedots vectors: rule unit cases, every point of 15 series, group summaries
/// and assurance.</summary>
public class SpcTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Rules_match_the_package_unit_cases()
    {
        foreach (var row in Vector.Read("ptd_rule_unit_cases.csv"))
        {
            var a = Numbers(row.Text("input_1"));
            var b = Numbers(row.Text("input_2")).Select(v => (int)v).ToArray();
            var ints = a.Select(v => (int)v).ToArray();
            var actual = row.Text("rule_function") switch
            {
                "seven_point_one_side_mean" => SpcRules.RunOnOneSide(ints),
                "part_of_seven" => SpcRules.PartOfRun(ints),
                "seven_point_trend" => SpcRules.Trend(a),
                "two_in_three" => SpcRules.TwoInThree(ints, b),
                "part_of_two_in_three" => SpcRules.PartOfTwoInThree(ints, b),
                var other => throw new InvalidOperationException(other),
            };
            actual.Should().Equal(Numbers(row.Text("expected")).Select(v => (int)v), row.ToString());
        }
    }

    [Fact]
    public void Every_point_of_every_series_matches()
    {
        foreach (var series in Vector.Read("ptd_spc_points.csv").GroupBy(r => (r.Text("series_id"), r.Text("facet"))))
        {
            var rows = series.ToList();
            var options = new XmrOptions
            {
                ScreenOutliers = rows[0].Flag("screen_outliers"),
                FixAfterPoints = rows[0].Number("fix_after_n_points") is { } n ? (int)n : null,
            };
            var rebases = rows.Where((r, i) => i > 0 && r.Value("rebase_group") > rows[i - 1].Value("rebase_group")).Select(DateOf).ToList();
            var points = XmrChart.Calculate(rows.Select(r => (DateOf(r), r.Value("y"))).ToList(), options, rebases);
            var decrease = XmrChart.Calculate(rows.Select(r => (DateOf(r), r.Value("y"))).ToList(), options with { Direction = ImprovementDirection.Decrease }, rebases);
            var neutral = XmrChart.Calculate(rows.Select(r => (DateOf(r), r.Value("y"))).ToList(), options with { Direction = ImprovementDirection.Neutral }, rebases);

            for (var i = 0; i < rows.Count; i++)
            {
                var (row, point) = (rows[i], points[i]);
                var because = row.ToString();
                point.RebaseGroup.Should().Be((int)row.Value("rebase_group"), because);
                Close.Check(point.Mean, row.Value("mean"), Tolerance, because);
                Close.Check(point.LowerLimit, row.Value("lpl"), Tolerance, because);
                Close.Check(point.UpperLimit, row.Value("upl"), Tolerance, because);
                Close.Check(point.LowerNearLimit, row.Value("nlpl_derived"), 1e-11, because);
                Close.Check(point.UpperNearLimit, row.Value("nupl_derived"), 1e-11, because);
                point.RelativeToMean.Should().Be((int)row.Value("relative_to_mean"), because);
                point.OutsideLimits.Should().Be(row.Flag("outside_limits"), because);
                point.CloseToLimits.Should().Be(row.Flag("close_to_limits"), because);
                point.SpecialCauseType.Should().Be(row.Text("special_cause_type"), because);
                point.SpecialCause.Should().Be(row.Flag("special_cause_flag"), because);
                point.PointType.Should().Be(row.Text("point_type_increase"), because);
                decrease[i].PointType.Should().Be(row.Text("point_type_decrease"), because);
                neutral[i].PointType.Should().Be(row.Text("point_type_neutral"), because);
                point.ShortGroupWarning.Should().Be(row.Flag("short_group_warning"), because);
            }
        }
    }

    [Fact]
    public void Limits_recalculated_at_change_points_match_every_variant()
    {
        foreach (var variant in Vector.Read("models/spc_xmr_expected.csv").GroupBy(r => (r.Text("series_id"), r.Text("variant_id"))))
        {
            var rows = variant.OrderBy(r => r.Value("i")).ToList();
            var options = new XmrOptions
            {
                ScreenOutliers = rows[0].Flag("screen_outliers"),
                FixAfterPoints = rows[0].Number("fix_after_n_points") is { } n ? (int)n : null,
            };
            var rebases = rows.Where(r => r.Flag("rebase_point")).Select(DateOf).ToList();
            var series = rows.Select(r => (DateOf(r), r.Value("y"))).ToList();
            var points = XmrChart.Calculate(series, options, rebases);
            var decrease = XmrChart.Calculate(series, options with { Direction = ImprovementDirection.Decrease }, rebases);
            for (var i = 0; i < rows.Count; i++)
            {
                var (row, point) = (rows[i], points[i]);
                var because = $"{variant.Key} i={i + 1}";
                point.RebaseGroup.Should().Be((int)row.Value("rebase_group"), because);
                Close.Check(point.Mean, row.Value("mean"), Tolerance, because);
                Close.Check(point.LowerLimit, row.Value("lpl"), Tolerance, because);
                Close.Check(point.UpperLimit, row.Value("upl"), Tolerance, because);
                Close.Check(point.LowerNearLimit, row.Value("nlpl"), 1e-11, because);
                Close.Check(point.UpperNearLimit, row.Value("nupl"), 1e-11, because);
                point.RelativeToMean.Should().Be((int)row.Value("relative_to_mean"), because);
                point.OutsideLimits.Should().Be(row.Flag("outside_limits"), because);
                point.CloseToLimits.Should().Be(row.Flag("close_to_limits"), because);
                point.SpecialCauseType.Should().Be(row.Text("special_cause_type"), because);
                point.PointType.Should().Be(row.Text("point_type_increase"), because);
                decrease[i].PointType.Should().Be(row.Text("point_type_decrease"), because);
                point.ShortGroupWarning.Should().Be(row.Flag("short_group_warning"), because);
            }
        }
    }

    [Fact]
    public void Group_summaries_match_including_the_stored_package_values()
    {
        var points = Vector.Read("ptd_spc_points.csv").ToLookup(r => (r.Text("series_id"), r.Text("facet"), r.Text("rebase_group")));
        foreach (var summary in Vector.Read("ptd_spc_summary.csv"))
        {
            var rows = points[(summary.Text("series_id"), summary.Text("facet"), summary.Text("rebase_group"))].ToList();
            var options = new XmrOptions
            {
                ScreenOutliers = summary.Flag("screen_outliers"),
                FixAfterPoints = summary.Number("fix_after_n_points") is { } n ? (int)n : null,
            };
            var (mean, amr) = XmrChart.Baseline(rows.Select(r => r.Value("y")).ToList(), options);

            rows.Should().HaveCount((int)summary.Value("n"));
            Close.Check(mean, summary.Value("mean"), Tolerance, summary.ToString());
            Close.Check(amr, summary.Value("amr_derived"), 1e-11, summary.ToString());
            if (summary.Number("stored_mean") is { } stored)
                mean.Should().BeApproximately(stored, Math.Max(Math.Abs(stored) * 5e-3, 5e-3), summary.ToString());
        }
    }

    [Fact]
    public void Assurance_matches_every_case()
    {
        foreach (var row in Vector.Read("ptd_assurance_cases.csv"))
        {
            var direction = row.Text("improvement_direction") switch
            {
                "increase" => ImprovementDirection.Increase,
                "decrease" => ImprovementDirection.Decrease,
                _ => ImprovementDirection.Neutral,
            };
            var expected = row.Text("expected_assurance_type");
            XmrChart.Assurance(row.Value("lpl"), row.Value("upl"), row.Value("target"), direction)
                .Should().Be(expected.Length == 0 ? null : expected, row.ToString());
        }
    }

    private static DateOnly DateOf(Vector row) => DateOnly.Parse(row.Text("date"), CultureInfo.InvariantCulture);

    private static double[] Numbers(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
}
