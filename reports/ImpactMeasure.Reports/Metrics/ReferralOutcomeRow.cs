using ImpactMeasure.Reports.Disclosure;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>One row of <c>referral_outcomes</c>: the outcomes of all referrals, or of one service, PCN, practice or month.</summary>
public sealed record ReferralOutcomeRow(string Breakdown, string Code, string Name, string Window, OutcomeCounts Counts, Proportion Acceptance,
    Proportion Capacity, Proportion Inappropriate, Proportion Uptake, string Note)
{
    public CellKey At(string measure) => new(measure, CellKey.GeoOf(Breakdown, Code), Breakdown == "service" ? Code : CellKey.All,
        Breakdown == "month" ? Code : Window, CellKey.All, CellKey.All, CellKey.All);
}
