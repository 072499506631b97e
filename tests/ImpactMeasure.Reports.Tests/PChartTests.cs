using ImpactMeasure.Reports.Spc;

namespace ImpactMeasure.Reports.Tests;

/// <summary>p and Laney p′ charts against qicharts2 0.8.1 (vectors/models/spc_p_*.csv), and the minimum denominator.</summary>
public class PChartTests
{
    private const double Tolerance = 1e-12;

    [Fact]
    public void Every_point_of_the_p_and_p_prime_charts_matches_qicharts2()
    {
        var expected = Vector.Read("models/spc_p_expected.csv");
        foreach (var chart in expected.GroupBy(r => (Series: r.Text("series_id"), Chart: r.Text("chart"))))
        {
            var rows = chart.OrderBy(r => r.Value("i")).ToList();
            var points = PChart.Calculate(rows.Select(r => ((long)r.Value("numerator"), (long)r.Value("denominator"))).ToList(), laney: chart.Key.Chart == "pp");
            var runs = PChart.Runs(points.Select(p => p.Y).ToList(), points[0].CentreLine);
            for (var i = 0; i < rows.Count; i++)
            {
                var (row, point) = (rows[i], points[i]);
                var because = $"{chart.Key} i={i + 1}";
                Close.Check(point.Y, row.Value("y"), Tolerance, because);
                Close.Check(point.CentreLine, row.Value("cl"), Tolerance, because);
                Close.Check(point.SigmaBinomial, row.Value("sigma_binomial"), Tolerance, because);
                Close.Check(point.SigmaZ, row.Value("sigma_z"), Tolerance, because);
                Close.Check(point.LowerLimit, row.Value("lcl"), Tolerance, because);
                Close.Check(point.UpperLimit, row.Value("ucl"), Tolerance, because);
                Close.Check(point.Lower95, row.Value("lcl_95"), Tolerance, because);
                Close.Check(point.Upper95, row.Value("ucl_95"), Tolerance, because);
                point.SigmaSignal.Should().Be(row.Flag("sigma_signal"), because);
                point.RunsSignal.Should().Be(row.Flag("runs_signal"), because);
                runs.Useful.Should().Be((int)row.Value("n_useful"), because);
                runs.LongestRun.Should().Be((int)row.Value("longest_run"), because);
                runs.LongestRunMax.Should().Be((int)row.Value("longest_run_max"), because);
                runs.Crossings.Should().Be((int)row.Value("n_crossings"), because);
                runs.CrossingsMin.Should().Be((int)row.Value("n_crossings_min"), because);
            }
        }
    }

    [Fact]
    public void The_overdispersed_series_gets_laney_and_the_binomial_one_is_close_to_a_p_chart()
    {
        var input = Vector.Read("models/spc_p_input.csv").GroupBy(r => r.Text("series_id"))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Value("i")).Select(r => ((long)r.Value("numerator"), (long)r.Value("denominator"))).ToList());

        PChart.Choose(input["dna_rate_overdispersed"])[0].SigmaZ.Should().BeApproximately(3.70, 0.01);
        PChart.Calculate(input["referral_rejections_binomial"], laney: true)[0].SigmaZ.Should().BeApproximately(1.03, 0.01);
    }

    [Fact]
    public void One_rejection_out_of_one_decision_is_plotted_but_never_judged()
    {
        (long, long)[] months = [(2, 40), (3, 38), (1, 1), (2, 42), (1, 1), (3, 41)];

        var points = PChart.Calculate(months, laney: false, minDenominator: 10);

        points.Where(p => p.Denominator == 1).Should().OnlyContain(p => !p.Judged && !p.SigmaSignal && p.Y == 1.0);
        points[0].CentreLine.Should().BeApproximately(10.0 / 161, 1e-12, "the centre rests on judged months only");
        points.Should().OnlyContain(p => p.LowerLimit >= 0 && p.UpperLimit <= 1);
    }

    [Fact]
    public void A_new_phase_has_its_own_centre_line()
    {
        (long, long)[] months = [.. Enumerable.Repeat((5L, 100L), 6), .. Enumerable.Repeat((40L, 100L), 6)];

        var points = PChart.Calculate(months, laney: false, phaseStarts: [6]);

        points.Take(6).Should().OnlyContain(p => p.Phase == 0 && Math.Abs(p.CentreLine - 0.05) < 1e-12 && !p.SigmaSignal);
        points.Skip(6).Should().OnlyContain(p => p.Phase == 1 && Math.Abs(p.CentreLine - 0.40) < 1e-12 && !p.SigmaSignal);
    }
}
