using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace ImpactMeasure.Reports.Models;

/// <summary>One practice-month of the pooled series: the practice, its months since the window's start (1..), the
/// calendar month, GP appointments per 1,000 registered patients, and the practice's link-worker start (null: none).</summary>
public readonly record struct PracticeMonth(string Practice, int MonthIndex, int MonthOfYear, double Rate, int? StartIndex);

/// <summary>The pooled ITS estimate: the relative level change at the start (exp(b) − 1 of the log model) and the
/// change of monthly trend after it, with 95% intervals from practice-clustered standard errors.</summary>
public sealed record PooledItsResult(int Practices, int Treated, int Observations, double LevelChange, double LevelLower, double LevelUpper, double LevelP,
    double SlopeChange, double SlopeLower, double SlopeUpper);

/// <summary>Interrupted time series pooled over practices aligned on their own link-worker start (METHODS §6): log
/// of GP appointments per 1,000 patients = practice effect + common linear trend + calendar-month effects + level
/// change (post) + slope change (months since start). Practices that never start, or start later, carry the trend
/// and the seasons; the log makes the level change relative. Standard errors are clustered by practice (CR1: the
/// months of one practice are not independent), with t on G − 1 degrees of freedom.</summary>
public static class PooledIts
{
    public static PooledItsResult Fit(IReadOnlyList<PracticeMonth> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var rows = months.Where(m => m.Rate > 0).ToList();
        var practices = rows.Select(m => m.Practice).Distinct().Order(StringComparer.Ordinal).ToList();
        var column = practices.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.Ordinal);
        // Columns: one per practice (no common intercept), trend, post, since, calendar months February..December.
        var (trend, post, since, seasons) = (practices.Count, practices.Count + 1, practices.Count + 2, practices.Count + 3);
        var k = seasons + 11;
        var n = rows.Count;
        if (n <= k)
            throw new ArgumentException($"a pooled ITS with {k} parameters needs more than {k} practice-months; there are {n}", nameof(months));
        var x = Matrix<double>.Build.Dense(n, k);
        var y = Vector<double>.Build.Dense(n);
        for (var r = 0; r < n; r++)
        {
            var m = rows[r];
            x[r, column[m.Practice]] = 1;
            x[r, trend] = m.MonthIndex;
            var isPost = m.StartIndex is { } s && m.MonthIndex >= s;
            x[r, post] = isPost ? 1 : 0;
            x[r, since] = isPost ? m.MonthIndex - m.StartIndex!.Value : 0;
            if (m.MonthOfYear > 1)
                x[r, seasons + m.MonthOfYear - 2] = 1;
            y[r] = Math.Log(m.Rate);
        }
        var inverse = x.TransposeThisAndMultiply(x).Inverse();
        var b = inverse * x.TransposeThisAndMultiply(y);
        var e = y - (x * b);
        var meat = Matrix<double>.Build.Dense(k, k);
        foreach (var group in Enumerable.Range(0, n).GroupBy(r => rows[r].Practice))
        {
            var score = Vector<double>.Build.Dense(k);
            foreach (var r in group)
                score += x.Row(r) * e[r];
            meat += score.OuterProduct(score);
        }
        var g = practices.Count;
        var v = inverse * meat * inverse * ((double)g / (g - 1) * (n - 1) / (n - k));
        var q = StudentT.InvCDF(0, 1, g - 1, 0.975);
        var (level, levelSe, slope, slopeSe) = (b[post], Math.Sqrt(v[post, post]), b[since], Math.Sqrt(v[since, since]));
        var p = 2 * StudentT.CDF(0, 1, g - 1, -Math.Abs(level / levelSe));
        return new PooledItsResult(g, rows.Where(m => m.StartIndex is not null).Select(m => m.Practice).Distinct().Count(), n,
            Math.Exp(level) - 1, Math.Exp(level - (q * levelSe)) - 1, Math.Exp(level + (q * levelSe)) - 1, p,
            Math.Exp(slope) - 1, Math.Exp(slope - (q * slopeSe)) - 1, Math.Exp(slope + (q * slopeSe)) - 1);
    }
}
