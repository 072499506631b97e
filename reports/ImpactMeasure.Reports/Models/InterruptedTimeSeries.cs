using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace ImpactMeasure.Reports.Models;

/// <summary>One month of a series for an interrupted time series: its index (1..n), value, whether it is at or after
/// the intervention, months since the intervention (0 in its first month) and calendar month (1 = January).</summary>
public readonly record struct ItsMonth(int MonthIndex, double Y, int Post, int TimeSince, int MonthOfYear);

/// <summary>How the coefficients' standard errors are computed: classical OLS, or Newey–West (HAC, Bartlett kernel).</summary>
public enum ItsCovariance
{
    Classical,
    NeweyWest,
}

/// <summary>One coefficient with its standard error, statistic, p-value and confidence interval.</summary>
public sealed record ItsTerm(string Name, double Estimate, double StdError, double Statistic, double PValue, double Lower, double Upper);

/// <summary>A fitted segmented regression.</summary>
public sealed record ItsFit(int Observations, int Parameters, int DfResid, double Ssr, double RSquared, int Lags, IReadOnlyList<ItsTerm> Terms)
{
    public ItsTerm this[string name] => Terms.Single(t => t.Name == name);
}

/// <summary>Interrupted time series as segmented OLS (METHODS §5): y = β0 + β1·month + β2·post + β3·months since +
/// calendar-month dummies (January the reference), with Newey–West standard errors (no prewhitening, residuals not
/// centred), as statsmodels <c>cov_hac_simple</c> and R <c>sandwich::NeweyWest(prewhite = FALSE)</c> compute them.
/// β2 is the level change at the intervention and β3 the change of slope.</summary>
public static class InterruptedTimeSeries
{
    public static IReadOnlyList<string> TermNames { get; } =
        ["const", "month_index", "post", "time_since", .. Enumerable.Range(2, 11).Select(m => $"moy_{m}")];

    /// <summary>statsmodels' lag rule when none is given: ⌊4·(n/100)^(2/9)⌋.</summary>
    public static int DefaultLags(int observations) => (int)Math.Floor(4 * Math.Pow(observations / 100.0, 2.0 / 9));

    /// <param name="series">the months in order</param>
    /// <param name="covariance">classical or Newey–West</param>
    /// <param name="lags">Newey–West lags (0 is White's HC0)</param>
    /// <param name="smallSampleCorrection">multiply the Newey–West covariance by n/(n−k)</param>
    /// <param name="studentT">p-values and intervals from Student's t on n−k degrees of freedom, else the normal</param>
    /// <param name="confidence">the intervals' level</param>
    public static ItsFit Fit(IReadOnlyList<ItsMonth> series, ItsCovariance covariance, int lags = 3, bool smallSampleCorrection = false, bool studentT = true,
        double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(series);
        var n = series.Count;
        var k = TermNames.Count;
        if (n <= k)
            throw new ArgumentException($"an interrupted time series with {k} parameters needs more than {k} months; this one has {n}", nameof(series));
        var x = Matrix<double>.Build.Dense(n, k, (i, j) => Column(series[i], j));
        var y = Vector<double>.Build.Dense(n, i => series[i].Y);
        var inverse = (x.TransposeThisAndMultiply(x)).Inverse();
        var b = x.QR().Solve(y);
        var e = y - (x * b);
        var ssr = e.DotProduct(e);
        var mean = y.Average();
        var sst = y.Sum(v => (v - mean) * (v - mean));
        var df = n - k;
        Matrix<double> v;
        if (covariance == ItsCovariance.Classical)
        {
            v = inverse * (ssr / df);
        }
        else
        {
            var u = Matrix<double>.Build.Dense(n, k, (i, j) => x[i, j] * e[i]);
            var s = u.TransposeThisAndMultiply(u);
            for (var l = 1; l <= lags; l++)
            {
                var weight = 1 - (l / (lags + 1.0));
                var cross = u.SubMatrix(l, n - l, 0, k).TransposeThisAndMultiply(u.SubMatrix(0, n - l, 0, k));
                s += (cross + cross.Transpose()) * weight;
            }
            v = inverse * s * inverse;
            if (smallSampleCorrection)
                v *= (double)n / df;
        }
        var tail = (1 + confidence) / 2;
        var quantile = studentT ? StudentT.InvCDF(0, 1, df, tail) : Normal.InvCDF(0, 1, tail);
        var terms = TermNames.Select((name, j) =>
        {
            var se = Math.Sqrt(v[j, j]);
            var statistic = b[j] / se;
            var p = studentT ? 2 * StudentT.CDF(0, 1, df, -Math.Abs(statistic)) : 2 * Normal.CDF(0, 1, -Math.Abs(statistic));
            return new ItsTerm(name, b[j], se, statistic, p, b[j] - (quantile * se), b[j] + (quantile * se));
        }).ToList();
        return new ItsFit(n, k, df, ssr, 1 - (ssr / sst), covariance == ItsCovariance.Classical ? 0 : lags, terms);
    }

    private static double Column(ItsMonth month, int j) => j switch
    {
        0 => 1,
        1 => month.MonthIndex,
        2 => month.Post,
        3 => month.TimeSince,
        _ => month.MonthOfYear == j - 2 ? 1 : 0,
    };
}
