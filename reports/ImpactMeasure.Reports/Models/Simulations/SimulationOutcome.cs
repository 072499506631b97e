namespace ImpactMeasure.Reports.Models.Simulations;

/// <summary>How an estimator did over simulated data with a known answer: how often its 95% interval covered the
/// truth, how often it called the effect significant, and its mean estimate against the mean truth.</summary>
public sealed record SimulationOutcome(string Estimator, double Planted, int Trials, int Covered, int Significant, double MeanEstimate, double MeanTruth, int Seed)
{
    public double Coverage => (double)Covered / Trials;

    public double SignificantShare => (double)Significant / Trials;
}
