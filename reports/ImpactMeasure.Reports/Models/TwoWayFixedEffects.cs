namespace ImpactMeasure.Reports.Models;

/// <summary>The naive two-way fixed-effects difference in differences: y_it = a_i + b_t + δ·D_it on a balanced panel,
/// δ from the doubly demeaned outcome and treatment. Shown beside Callaway and Sant'Anna because it is what most
/// analyses report, and it is biased when effects differ by cohort or grow with time since the start (already-treated
/// units serve as controls): the gap between the two is the reader's warning.</summary>
public static class TwoWayFixedEffects
{
    /// <param name="y">outcome, units × periods</param>
    /// <param name="first">each unit's first treated period (1-based), 0 if never treated</param>
    public static double Estimate(double[,] y, int[] first)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(first);
        var (n, periods) = (y.GetLength(0), y.GetLength(1));
        double D(int i, int t) => first[i] > 0 && t + 1 >= first[i] ? 1 : 0;
        double[] Demeaned(Func<int, int, double> value)
        {
            var unit = new double[n];
            var time = new double[periods];
            double all = 0;
            for (var i = 0; i < n; i++)
            {
                for (var t = 0; t < periods; t++)
                {
                    var v = value(i, t);
                    unit[i] += v / periods;
                    time[t] += v / n;
                    all += v / (n * periods);
                }
            }
            var result = new double[n * periods];
            for (var i = 0; i < n; i++)
            {
                for (var t = 0; t < periods; t++)
                    result[(i * periods) + t] = value(i, t) - unit[i] - time[t] + all;
            }
            return result;
        }
        var yy = Demeaned((i, t) => y[i, t]);
        var dd = Demeaned(D);
        var denominator = dd.Sum(v => v * v);
        return denominator == 0 ? double.NaN : yy.Zip(dd, (a, b) => a * b).Sum() / denominator;
    }
}
