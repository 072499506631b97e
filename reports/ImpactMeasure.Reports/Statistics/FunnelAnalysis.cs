namespace ImpactMeasure.Reports.Statistics;

/// <summary>A whole overdispersed funnel: the settings, φ and τ², and each unit's transformed values, limits
/// and outlier flags.</summary>
public sealed record FunnelAnalysis(
    FunnelDataType Type,
    double Target,
    double Phi,
    double Tau2,
    int UnitsUsedForPhi,
    bool DrawAdjusted,
    IReadOnlyList<FunnelUnitResult> Units)
{
    /// <summary>Runs the FunnelPlotR pipeline (defaults: SHMI, trim 0.1, adjusted limits where φ > 1).</summary>
    public static FunnelAnalysis Run(IEnumerable<FunnelUnit> rows, FunnelDataType type, StandardisedRatioMethod method = StandardisedRatioMethod.Shmi,
        double trimBy = 0.1, double multiplier = 1, bool drawAdjusted = true)
    {
        var units = OverdispersedFunnel.Aggregate(rows, type, method);
        var target = OverdispersedFunnel.TargetOf(units, type);
        var scores = units.Select(u => OverdispersedFunnel.ZScore(u, type, method, target)).ToList();
        var z = scores.Select(s => s.Z).ToList();
        var shmi = type == FunnelDataType.StandardisedRatio && method == StandardisedRatioMethod.Shmi;
        var truncated = shmi ? OverdispersedFunnel.Truncated(z, trimBy) : new bool[z.Count];
        var (winsorisedZ, winsorised) = shmi ? (z.ToArray(), new bool[z.Count]) : OverdispersedFunnel.Winsorise(z, trimBy);
        var retained = Enumerable.Range(0, units.Count).Where(i => !truncated[i]).ToList();
        var (phi, tau2) = OverdispersedFunnel.Overdispersion(retained.Select(i => winsorisedZ[i]).ToList(), retained.Select(i => scores[i].S).ToList());
        if (!drawAdjusted)
            (phi, tau2) = (0, 0);
        var adjusted = drawAdjusted && phi > 1;
        var results = units.Select((u, i) =>
        {
            var limits = OverdispersedFunnel.Limits(type, method, target, tau2, u.Denominator, multiplier);
            var (used95, used998) = adjusted ? (limits.Adjusted95, limits.Adjusted998) : (limits.Unadjusted95, limits.Unadjusted998);
            return new FunnelUnitResult(u, scores[i].Y, scores[i].TargetTransformed, z[i], truncated[i] ? null : winsorisedZ[i],
                truncated[i], winsorised[i], limits, OverdispersedFunnel.Outlier(u.Ratio, multiplier, used95), OverdispersedFunnel.Outlier(u.Ratio, multiplier, used998));
        }).ToList();
        return new FunnelAnalysis(type, target, phi, tau2, retained.Count, adjusted, results);
    }
}

/// <summary>One unit of a <see cref="FunnelAnalysis"/>.</summary>
public sealed record FunnelUnitResult(
    FunnelUnit Unit,
    double Y,
    double TargetTransformed,
    double Z,
    double? WinsorisedZ,
    bool Truncated,
    bool Winsorised,
    FunnelLimitSet Limits,
    int Outlier95,
    int Outlier998);
