using System.Globalization;
using ImpactMeasure.Reports.Models;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The interrupted time series against statsmodels 0.13.5 (cross-checked with R sandwich::NeweyWest):
/// vectors/models/its_*, every series × specification × term, to the tolerances the vectors state.</summary>
public class ItsVectorTests
{
    private static readonly IReadOnlyList<Vector> Expected = Vector.Read("models/its_expected.csv");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (series, spec) in Expected.Select(r => (r.Text("series_id"), r.Text("spec_id"))).Distinct())
            data.Add(series, spec);
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public void Every_term_equals_statsmodels(string series, string spec)
    {
        var months = Series(series);
        var rows = Expected.Where(r => r.Text("series_id") == series && r.Text("spec_id") == spec).ToList();
        var first = rows[0];
        var classical = first.Text("cov_type") == "nonrobust";
        var lags = classical ? 0 : (int)first.Number("maxlags_used")!.Value;
        var correction = string.Equals(first.Text("use_correction"), "true", StringComparison.OrdinalIgnoreCase);

        foreach (var studentT in new[] { true, false })
        {
            var fit = InterruptedTimeSeries.Fit(months, classical ? ItsCovariance.Classical : ItsCovariance.NeweyWest, lags, correction, studentT);
            var suffix = studentT ? "_t" : "_z";
            foreach (var row in rows)
            {
                var term = fit[row.Text("term")];
                Close(term.Estimate, row.Number("estimate")!.Value, 1e-9, 0, $"{series} {spec} {term.Name} estimate");
                Close(term.StdError, row.Number("std_error")!.Value, 1e-9, 0, $"{series} {spec} {term.Name} se");
                Close(term.Statistic, row.Number("statistic")!.Value, 1e-9, 0, $"{series} {spec} {term.Name} statistic");
                Close(term.PValue, row.Number("p_value" + suffix)!.Value, 1e-8, 1e-12, $"{series} {spec} {term.Name} p{suffix}");
                Close(term.Lower, row.Number("ci_lower" + suffix)!.Value, 1e-8, 1e-12, $"{series} {spec} {term.Name} lower{suffix}");
                Close(term.Upper, row.Number("ci_upper" + suffix)!.Value, 1e-8, 1e-12, $"{series} {spec} {term.Name} upper{suffix}");
            }
            fit.DfResid.Should().Be((int)first.Number("df_resid")!.Value);
        }
    }

    [Theory]
    [InlineData("level_drop")]
    [InlineData("slope_change")]
    [InlineData("null")]
    public void The_fit_summary_and_the_default_lags_equal_statsmodels(string series)
    {
        var summary = Vector.Read("models/its_fit_summary.csv").Single(r => r.Text("series_id") == series);
        var months = Series(series);

        var fit = InterruptedTimeSeries.Fit(months, ItsCovariance.Classical);

        Close(fit.Ssr, summary.Number("ssr")!.Value, 1e-9, 0, "ssr");
        Close(fit.RSquared, summary.Number("r_squared")!.Value, 1e-9, 0, "r²");
        InterruptedTimeSeries.DefaultLags(months.Count).Should().Be((int)summary.Number("statsmodels_default_maxlags")!.Value);
    }

    [Fact]
    public void A_planted_level_drop_is_recovered_and_the_null_series_shows_no_effect()
    {
        var drop = InterruptedTimeSeries.Fit(Series("level_drop"), ItsCovariance.NeweyWest, lags: 3);
        var none = InterruptedTimeSeries.Fit(Series("null"), ItsCovariance.NeweyWest, lags: 3);

        drop["post"].Lower.Should().BeLessThan(-14, "the planted drop of 14 lies inside the 95% interval");
        drop["post"].Upper.Should().BeGreaterThan(-14);
        drop["post"].PValue.Should().BeLessThan(0.05);
        none["post"].PValue.Should().BeGreaterThan(0.05);
        none["time_since"].PValue.Should().BeGreaterThan(0.05);
    }

    private static List<ItsMonth> Series(string series) =>
        Vector.Read($"models/its_input_{series}.csv").Select(r => new ItsMonth((int)r.Number("month_index")!.Value, r.Number("y")!.Value,
            (int)r.Number("post")!.Value, (int)r.Number("time_since")!.Value, (int)r.Number("month_of_year")!.Value)).ToList();

    private static void Close(double actual, double expected, double relative, double absolute, string what) =>
        actual.Should().BeApproximately(expected, Math.Max(Math.Abs(expected) * relative, absolute), what);
}
