using MathNet.Numerics.Distributions;

namespace ImpactMeasure.Reports.Statistics;

/// <summary>Confidence levels as PHEindicatormethods takes them (0.95 or 95) and the quantiles they need.</summary>
public static class Confidence
{
    /// <summary>0.95 for 95; values from 90 up are percentages.</summary>
    public static double Normalise(double confidence) => confidence >= 90 ? confidence / 100 : confidence;

    /// <summary>The two-sided standard normal quantile: z(c + (1 − c)/2), 1.959964 at 95%.</summary>
    public static double Z(double confidence)
    {
        var c = Normalise(confidence);
        return Normal.InvCDF(0, 1, c + ((1 - c) / 2));
    }

    /// <summary>The lower-tail <paramref name="p"/>-quantile of chi-square with <paramref name="freedom"/> degrees.</summary>
    public static double ChiSquaredQuantile(double p, double freedom) =>
        freedom <= 0 ? 0 : ChiSquared.InvCDF(freedom, p);
}
