using ImpactMeasure.Reports.Statistics;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>A proportion with its Wilson interval at a confidence level, or blanks when there is no denominator
/// (never NaN).</summary>
public readonly record struct Proportion(double? Value, double? Lower, double? Upper, double Confidence)
{
    public static Proportion Of(long numerator, long denominator, double confidence)
    {
        if (denominator <= 0)
            return new Proportion(null, null, null, confidence);
        var interval = WilsonInterval.Of(numerator, denominator, confidence);
        return new Proportion((double)numerator / denominator, interval.Lower, interval.Upper, confidence);
    }
}
