namespace ImpactMeasure.Reports.Statistics;

/// <summary>What an inequality value is: 0 a plain value, 1 a rate (simulated on the log scale), 2 a proportion
/// (simulated on the logit scale), as PHEindicatormethods' value_type.</summary>
public enum InequalityValueType
{
    Normal = 0,
    Rate = 1,
    Proportion = 2,
}

/// <summary>One quantile of an area (ordered most deprived first): its population, value and the value's standard
/// error on the simulation scale (<see cref="SlopeIndexOfInequality.StandardErrorFromLimits"/> from 95% limits).</summary>
public sealed record InequalityQuantile(double Population, double Value, double StandardError);

/// <summary>The slope and relative index of inequality with their simulated limits at each confidence level.</summary>
public sealed record InequalityIndex(double Sii, double Rii, double Intercept, IReadOnlyList<InequalityLimits> Limits);

public sealed record InequalityLimits(double Confidence, double SiiLower, double SiiUpper, double RiiLower, double RiiUpper);

/// <summary>The slope index of inequality (SII) and relative index (RII) as PHEindicatormethods <c>phe_sii</c> computes
/// them: a population-weighted regression of the quantiles' values on the midpoints of their cumulative population
/// shares (through the origin on √a and b·√a), optionally on the log or logit scale, with confidence limits by
/// simulating each quantile's value from its standard error.</summary>
public static class SlopeIndexOfInequality
{
    private const double Z95 = 1.959963984540054;

    /// <summary>The standard error on the simulation scale implied by 95% limits (the package uses 95% whatever the
    /// confidence asked for).</summary>
    public static double StandardErrorFromLimits(double lower, double upper, InequalityValueType type) =>
        (Transform(upper, type) - Transform(lower, type)) / (2 * Z95);

    /// <param name="quantiles">most deprived first</param>
    /// <param name="type">how the values are simulated (and transformed)</param>
    /// <param name="transform">regress on the log or logit scale (phe_sii's transform)</param>
    /// <param name="multiplier">scales the SII; a negative one inverts the RII (a change of polarity)</param>
    /// <param name="confidences">levels as 0.95 or 95</param>
    /// <param name="repetitions">simulations for the limits</param>
    /// <param name="standardNormal">the standard-normal draw of repetition r (0-based) for quantile q (0-based)</param>
    public static InequalityIndex Compute(IReadOnlyList<InequalityQuantile> quantiles, InequalityValueType type, bool transform, double multiplier,
        IReadOnlyList<double> confidences, int repetitions, Func<int, int, double> standardNormal)
    {
        ArgumentNullException.ThrowIfNull(quantiles);
        ArgumentNullException.ThrowIfNull(confidences);
        ArgumentNullException.ThrowIfNull(standardNormal);
        var total = quantiles.Sum(q => q.Population);
        var a = quantiles.Select(q => q.Population / total).ToArray();
        var b = new double[a.Length];
        var cumulative = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            b[i] = (a[i] / 2) + cumulative;
            cumulative += a[i];
        }
        var fit = new WeightedFit(a, b);
        var (c0, c1) = fit.Solve(quantiles.Select(q => transform ? Transform(q.Value, type) : q.Value).ToArray());
        var (sii, rii, intercept) = transform
            ? (Inverse(c0 + c1, type) - Inverse(c0, type), Inverse(c0 + c1, type) / Inverse(c0, type), Inverse(c0, type) * Math.Abs(multiplier))
            : (c1, (c0 + c1) / c0, c0);
        sii *= multiplier;
        if (multiplier < 0)
            rii = 1 / rii;

        // Each repetition draws every quantile's value on the simulation scale; without the transform the draws are
        // taken back to the value scale before the regression.
        var slopes = new double[repetitions];
        var riis = new double[repetitions];
        var draw = new double[a.Length];
        for (var r = 0; r < repetitions; r++)
        {
            for (var q = 0; q < a.Length; q++)
            {
                var simulated = Transform(quantiles[q].Value, type) + (quantiles[q].StandardError * standardNormal(r, q));
                draw[q] = transform ? simulated : Inverse(simulated, type);
            }
            var (s0, s1) = fit.Solve(draw);
            slopes[r] = transform ? s1 : s1 * multiplier;
            riis[r] = transform || multiplier >= 0 ? (s0 + s1) / s0 : s0 / (s0 + s1);
        }
        Array.Sort(slopes);
        Array.Sort(riis);
        var limits = confidences.Select(confidence =>
        {
            var c = confidence > 1 ? confidence / 100 : confidence;
            var upperShare = c + ((1 - c) / 2);
            // R's round() on the positions (half to even), 1-based order statistics.
            var (lower, upper) = ((int)Math.Round(repetitions * (1 - upperShare), MidpointRounding.ToEven) - 1, (int)Math.Round(repetitions * upperShare, MidpointRounding.ToEven) - 1);
            if (!transform)
                return new InequalityLimits(c, slopes[lower], slopes[upper], riis[lower], riis[upper]);
            // Slope limits on the transformed scale are taken back through the fitted midpoint.
            var middle = c0 + (c1 / 2);
            (double Sii, double Rii) Back(double s) => ((Inverse(middle + (s / 2), type) - Inverse(middle - (s / 2), type)) * multiplier,
                Inverse(middle + (s / 2), type) / Inverse(middle - (s / 2), type));
            var (low, high) = (Back(slopes[lower]), Back(slopes[upper]));
            var swap = type == InequalityValueType.Rate ? multiplier < 1 : multiplier < 0;
            return swap
                ? new InequalityLimits(c, high.Sii, low.Sii, 1 / high.Rii, 1 / low.Rii)
                : new InequalityLimits(c, low.Sii, high.Sii, low.Rii, high.Rii);
        }).ToList();
        return new InequalityIndex(sii, rii, intercept, limits);
    }

    /// <summary>Standard-normal draws from a seeded generator (Box–Muller), for runs without shipped draws.</summary>
    public static Func<int, int, double> SeededNormal(int quantiles, int repetitions, int seed)
    {
        var random = new Random(seed);
        var z = new double[repetitions * quantiles];
        for (var i = 0; i < z.Length; i += 2)
        {
            var (u1, u2) = (1 - random.NextDouble(), random.NextDouble());
            var radius = Math.Sqrt(-2 * Math.Log(u1));
            z[i] = radius * Math.Cos(2 * Math.PI * u2);
            if (i + 1 < z.Length)
                z[i + 1] = radius * Math.Sin(2 * Math.PI * u2);
        }
        return (r, q) => z[(r * quantiles) + q];
    }

    private static double Transform(double value, InequalityValueType type) => type switch
    {
        InequalityValueType.Rate => Math.Log(value),
        InequalityValueType.Proportion => Math.Log(value / (1 - value)),
        _ => value,
    };

    private static double Inverse(double value, InequalityValueType type) => type switch
    {
        InequalityValueType.Rate => Math.Exp(value),
        InequalityValueType.Proportion => Math.Exp(value) / (1 + Math.Exp(value)),
        _ => value,
    };

    /// <summary>Least squares of √a·y on √a and b·√a without an intercept: the 2×2 normal equations, inverted once.</summary>
    private sealed class WeightedFit
    {
        private readonly double[] _a;
        private readonly double[] _b;
        private readonly double _i00;
        private readonly double _i01;
        private readonly double _i11;

        public WeightedFit(double[] a, double[] b)
        {
            (_a, _b) = (a, b);
            double s00 = 0, s01 = 0, s11 = 0;
            for (var q = 0; q < a.Length; q++)
            {
                s00 += a[q];
                s01 += a[q] * b[q];
                s11 += a[q] * b[q] * b[q];
            }
            var determinant = (s00 * s11) - (s01 * s01);
            (_i00, _i01, _i11) = (s11 / determinant, -s01 / determinant, s00 / determinant);
        }

        public (double C0, double C1) Solve(double[] y)
        {
            double t0 = 0, t1 = 0;
            for (var q = 0; q < y.Length; q++)
            {
                t0 += _a[q] * y[q];
                t1 += _a[q] * _b[q] * y[q];
            }
            return ((_i00 * t0) + (_i01 * t1), (_i01 * t0) + (_i11 * t1));
        }
    }
}
