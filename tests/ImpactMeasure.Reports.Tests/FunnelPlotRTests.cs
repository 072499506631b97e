using ImpactMeasure.Reports.Statistics;

namespace ImpactMeasure.Reports.Tests;

/// <summary>Every row of the FunnelPlotR vectors: limits, aggregation, outlier flags, overdispersion.</summary>
public class FunnelPlotRTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Poisson_limits_match_the_package_test()
    {
        foreach (var row in Vector.Read("funnelplotr_poisson_sr_limits_test.csv"))
        {
            var limits = OverdispersedFunnel.Limits(FunnelDataType.StandardisedRatio, StandardisedRatioMethod.Shmi, row.Value("target"), 0, row.Value("expected_events"), 1);
            Close.Check(limits.Unadjusted95.Lower, row.Value("gen_ll95"), Tolerance, row.ToString());
            Close.Check(limits.Unadjusted95.Upper, row.Value("gen_ul95"), Tolerance, row.ToString());
            Close.Check(limits.Unadjusted998.Lower, row.Value("gen_ll998"), Tolerance, row.ToString());
            Close.Check(limits.Unadjusted998.Upper, row.Value("gen_ul998"), Tolerance, row.ToString());
            Math.Round(limits.Unadjusted95.Lower!.Value, 7).Should().Be(row.Value("stored_ll95_round7"));
        }
    }

    [Fact]
    public void Limits_match_the_generated_grid_for_every_type()
    {
        foreach (var group in Vector.Read("funnelplotr_generated_limits_grid.csv").GroupBy(r => (r.Text("data_type"), r.Text("sr_method"), r.Text("target"), r.Text("tau2"), r.Text("multiplier"))))
        {
            var rows = group.OrderBy(r => r.Value("denominator")).ToList();
            var type = TypeOf(rows[0].Text("data_type"));
            var method = rows[0].Text("sr_method") == "CQC" ? StandardisedRatioMethod.Cqc : StandardisedRatioMethod.Shmi;
            var limits = OverdispersedFunnel.LimitsTable(type, method, rows[0].Value("target"), rows[0].Value("tau2"), rows.Select(r => r.Value("denominator")).ToList(), rows[0].Value("multiplier"));
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                Close.Check(limits[i].Adjusted95.Lower, row.Value("od_ll95"), Tolerance, row.ToString());
                Close.Check(limits[i].Adjusted95.Upper, row.Value("od_ul95"), Tolerance, row.ToString());
                Close.Check(limits[i].Adjusted998.Lower, row.Value("od_ll998"), Tolerance, row.ToString());
                Close.Check(limits[i].Adjusted998.Upper, row.Value("od_ul998"), Tolerance, row.ToString());
                Close.Check(limits[i].Unadjusted95.Lower, row.Value("ll95"), Tolerance, row.ToString());
                Close.Check(limits[i].Unadjusted95.Upper, row.Value("ul95"), Tolerance, row.ToString());
                Close.Check(limits[i].Unadjusted998.Lower, row.Value("ll998"), Tolerance, row.ToString());
                Close.Check(limits[i].Unadjusted998.Upper, row.Value("ul998"), Tolerance, row.ToString());
            }
        }
    }

    [Fact]
    public void Aggregation_sums_by_group()
    {
        var rows = new[] { ("a", 100, 102), ("a", 150, 135), ("a", 180, 165), ("b", 89, 95), ("b", 120, 100), ("c", 225, 220) }
            .Select(r => new FunnelUnit(r.Item1, r.Item2, r.Item3));
        var units = OverdispersedFunnel.Aggregate(rows, FunnelDataType.StandardisedRatio, StandardisedRatioMethod.Shmi).ToDictionary(u => u.Group);

        foreach (var row in Vector.Read("funnelplotr_aggregate_test.csv"))
        {
            var unit = units[row.Text("group")];
            unit.Numerator.Should().Be(row.Value("numerator_sum"));
            unit.Denominator.Should().Be(row.Value("denominator_sum"));
            Close.Check(unit.Ratio, row.Value("gen_rr"), Tolerance, row.ToString());
        }
    }

    [Fact]
    public void Outlier_flags_match_every_configuration()
    {
        foreach (var row in Vector.Read("funnelplotr_outlier_flags_test.csv"))
        {
            var (level, adjusted) = (row.Text("limit"), row.Text("limits_used") == "adjusted");
            var prefix = adjusted ? "OD" + level : "";
            var limits = new Interval(row.Value(adjusted ? $"{prefix}LCL" : $"LCL{level}"), row.Value(adjusted ? $"{prefix}UCL" : $"UCL{level}"));
            OverdispersedFunnel.Outlier(row.Value("rr"), row.Value("multiplier"), limits).Should().Be((int)row.Value("expected_outlier"), row.ToString());
        }
    }

    [Fact]
    public void Overdispersion_matches_every_scenario_and_unit()
    {
        var inputs = Vector.Read("funnelplotr_generated_od_inputs.csv").ToLookup(r => r.Text("dataset"));
        var units = Vector.Read("funnelplotr_generated_od_units.csv").ToLookup(r => r.Text("scenario"));
        foreach (var scenario in Vector.Read("funnelplotr_generated_od_summary.csv"))
        {
            var type = TypeOf(scenario.Text("data_type"));
            var method = scenario.Text("sr_method") == "CQC" ? StandardisedRatioMethod.Cqc : StandardisedRatioMethod.Shmi;
            var rows = inputs[scenario.Text("dataset")].Select(r => new FunnelUnit(r.Text("group"), r.Value("numerator"), r.Value("denominator")));
            var analysis = FunnelAnalysis.Run(rows, type, method, scenario.Value("trim_by"), scenario.Value("multiplier"));

            Close.Check(analysis.Target, scenario.Value("target"), Tolerance, scenario.ToString());
            Close.Check(analysis.Phi, scenario.Value("phi"), Tolerance, scenario.ToString());
            Close.Check(analysis.Tau2, scenario.Value("tau2"), 1e-8, scenario.ToString());
            analysis.UnitsUsedForPhi.Should().Be((int)scenario.Value("n_used_for_phi"));
            analysis.DrawAdjusted.Should().Be(scenario.Flag("draw_adjusted_final"));
            analysis.Units.Sum(u => u.Outlier95).Should().Be((int)scenario.Value("n_outliers_limit95"), scenario.Text("scenario"));
            analysis.Units.Sum(u => u.Outlier998).Should().Be((int)scenario.Value("n_outliers_limit99"), scenario.Text("scenario"));
            foreach (var expected in units[scenario.Text("scenario")])
            {
                var unit = analysis.Units.Single(u => u.Unit.Group == expected.Text("group"));
                var because = $"{scenario.Text("scenario")} {expected}";
                Close.Check(unit.Unit.Denominator, expected.Value("denominator"), Tolerance, because);
                Close.Check(unit.Y, expected.Value("Y"), Tolerance, because);
                Close.Check(unit.Z, expected.Value("Uzscore"), Tolerance, because);
                Close.Check(unit.WinsorisedZ, expected.Number("Wuzscore"), Tolerance, because);
                Close.Check(unit.Limits.Adjusted95.Lower, expected.Value("OD95LCL"), 1e-8, because);
                Close.Check(unit.Limits.Adjusted998.Upper, expected.Value("OD99UCL"), 1e-8, because);
                Close.Check(unit.Limits.Unadjusted95.Lower, expected.Value("LCL95"), Tolerance, because);
                Close.Check(unit.Limits.Unadjusted998.Upper, expected.Value("UCL99"), Tolerance, because);
                unit.Outlier95.Should().Be((int)expected.Value("outlier_limit95"), because);
                unit.Outlier998.Should().Be((int)expected.Value("outlier_limit99"), because);
            }
        }
    }

    private static FunnelDataType TypeOf(string code) => code switch
    {
        "SR" => FunnelDataType.StandardisedRatio,
        "PR" => FunnelDataType.Proportion,
        _ => FunnelDataType.RatioOfCounts,
    };
}
