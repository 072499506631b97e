namespace ImpactMeasure.SampleData.Local;

/// <summary>Who refers patients to social prescribing link workers, how often, and the planted
/// inappropriate-referral rate of each (rejected_inappropriate ÷ referrals with a service decision).</summary>
public static class ReferrerRoles
{
    public static readonly (string Role, double Share, double InappropriateRate)[] All =
    [
        ("gp", 0.45, 0.06),
        ("nurse", 0.15, 0.09),
        ("care_navigator", 0.25, 0.20),
        ("self", 0.10, 0.04),
        ("other", 0.05, 0.12),
    ];

    /// <summary>The referrer mix of the PCN planted with a high inappropriate-referral rate: its care navigators refer
    /// everyone, so its rate is theirs (0.20 against about 0.10 elsewhere) while every role keeps its planted rate.</summary>
    public static readonly double[] PlantedPcnShares = [0, 0, 1, 0, 0];

    /// <summary>The planted PCN's expected inappropriate-referral rate.</summary>
    public static double PlantedPcnRate => All.Select((r, i) => r.InappropriateRate * PlantedPcnShares[i]).Sum();

    /// <summary>Share of referrals that never reach a service decision: declined by the patient, no response.</summary>
    public const double Declined = 0.08;
    public const double NoResponse = 0.05;

    /// <summary>Capacity rejections by link workers, of referrals with a decision.</summary>
    public const double Capacity = 0.03;

    /// <summary>Of the accepted-by-service rest: accepted (waiting), attended (seen), did not attend.</summary>
    public static readonly double[] AcceptedSplit = [0.30, 0.60, 0.10];
}
