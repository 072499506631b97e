namespace ImpactMeasure.Reports.Spc;

/// <summary>One subgroup of a p or p′ chart: its proportion, the phase's centre line and this point's limits
/// (3σ, capped to 0..1, and 2σ), whether it is a signal, and whether it was judged at all (a denominator below
/// the minimum is plotted but never judged).</summary>
public sealed record PPoint(int Index, long Numerator, long Denominator, double Y, int Phase, double CentreLine, double SigmaBinomial, double SigmaZ,
    double LowerLimit, double UpperLimit, double Lower95, double Upper95, bool Judged, bool SigmaSignal, bool RunsSignal)
{
    /// <summary>+1 above the upper limit, −1 below the lower, 0 otherwise (or not judged).</summary>
    public int Side => !Judged || !SigmaSignal ? 0 : Y > UpperLimit ? 1 : -1;
}
