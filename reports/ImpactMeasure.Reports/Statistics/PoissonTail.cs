namespace ImpactMeasure.Reports.Statistics;

/// <summary>Poisson probabilities as PHE's funnel code computes them (from the Excel macro it ports): the share of
/// the normalised partial sums of λ^k/k! that falls in [from, to], summed while k ≤ λ or the term still matters,
/// rescaled by 1e30 to stay finite. Matching it (rather than a library CDF) reproduces the published limits.</summary>
public static class PoissonTail
{
    public static double Probability(double lambda, double from, double to)
    {
        double term = 1, total = 0, inRange = 0;
        for (var k = 0; k <= lambda || term > total * 1e-10; k++)
        {
            total += term;
            if (k >= from && k <= to)
                inRange += term;
            if (total > 1e30)
            {
                inRange /= 1e30;
                total /= 1e30;
                term /= 1e30;
            }
            term = term * lambda / (k + 1);
        }
        return inRange / total;
    }

    /// <summary>The expected count E at which P(X ≥ observed) = p (side "upper": the upper ratio limit is O/E)
    /// or P(X ≤ observed) = p (side "lower"), found by PHE's bisection on v, E = (1 + O)·v/(1 − v).</summary>
    public static double ExpectedAtTail(double observed, double p, bool upperLimit)
    {
        double v = 0.5, dv = 0.5;
        while (dv > 1e-7)
        {
            dv /= 2;
            var expected = (1 + observed) * v / (1 - v);
            var goDown = upperLimit
                ? Probability(expected, observed, 1e10) > p
                : Probability(expected, 0, observed) < p;
            v = goDown ? v - dv : v + dv;
        }
        return (1 + observed) * v / (1 - v);
    }
}
