using ImpactMeasure.Reports.Spc;

namespace ImpactMeasure.Reports.Benchmark;

/// <summary>One PCN benchmarking indicator (METHODS §4): a proportion (Wilson interval, PHE proportion funnel) or a
/// rate per 1,000 of a denominator (Byar's interval, PHE rate funnel), and which way is better.</summary>
public sealed record Indicator(string Key, string Name, string Unit, bool IsProportion, ImprovementDirection Direction, string Denominator)
{
    public static IReadOnlyList<Indicator> All { get; } =
    [
        new("diverted_share", "Signposted patients diverted from a GP appointment", "%", true, ImprovementDirection.Increase, "signposting events"),
        new("acceptance_rate", "Service acceptance rate", "%", true, ImprovementDirection.Increase, "referrals with a service decision"),
        new("capacity_rejection_rate", "Capacity rejection rate", "%", true, ImprovementDirection.Decrease, "referrals with a service decision"),
        new("inappropriate_referral_rate", "Inappropriate referral rate", "%", true, ImprovementDirection.Decrease, "referrals with a service decision"),
        new("signposting_per_1000_gp_appointments", "Signposting events per 1,000 GP appointments", "per 1,000 GP appointments", false, ImprovementDirection.Neutral,
            "GP appointments in GPAD (appointment requests are not recorded, so appointments stand in for them)"),
        new("diverted_per_1000_patients", "Patients diverted per 1,000 registered patients", "per 1,000 registered patients", false, ImprovementDirection.Increase,
            "registered patients (all-patients list size, mean over the window's months)"),
    ];

    /// <summary>Rates are per this many of the denominator.</summary>
    public const double PerThousand = 1000;
}
