using ImpactMeasure.Reports.Spc;

namespace ImpactMeasure.Reports.Benchmark;

/// <summary>How an indicator is computed, compared and drawn.</summary>
public enum IndicatorKind
{
    /// <summary>A share of a count: Wilson interval, PHE's proportion funnel.</summary>
    Proportion,

    /// <summary>Events per 1,000 of a denominator: Byar's interval, a Poisson funnel.</summary>
    Rate,

    /// <summary>A mean of people's values: t interval, a funnel of the peers' mean ± z σ/√n (σ pooled within PCNs).</summary>
    Mean,

    /// <summary>An estimate per 1,000 of a denominator (freed GP time: re-presentation estimated where follow-up is
    /// incomplete), with its bootstrap interval: no funnel and no comparison word, because it is not a count whose
    /// chance variation a funnel knows.</summary>
    Estimate,
}

/// <summary>One PCN benchmarking indicator (METHODS §4) and which way is better.</summary>
public sealed record Indicator(string Key, string Name, string Unit, IndicatorKind Kind, ImprovementDirection Direction, string Denominator)
{
    private const string ListSize = "registered patients (all-patients list size, mean over the window's months)";

    public bool IsProportion => Kind == IndicatorKind.Proportion;

    /// <summary>A name short enough for one line of a spine chart's row label (at most <see cref="ShortNameLength"/>
    /// characters: LibreOffice wraps a data label at a fifth of the chart's width).</summary>
    public required string ShortName { get; init; }

    public const int ShortNameLength = 24;

    public static readonly Indicator DivertedShare = new("diverted_share", "Signposted patients diverted from a GP appointment", "%", IndicatorKind.Proportion,
        ImprovementDirection.Increase, "signposting events") { ShortName = "Diverted from a GP" };

    public static readonly Indicator AcceptanceRate = new("acceptance_rate", "Service acceptance rate", "%", IndicatorKind.Proportion, ImprovementDirection.Increase,
        "referrals with a service decision") { ShortName = "Service acceptance" };

    public static readonly Indicator CapacityRejectionRate = new("capacity_rejection_rate", "Capacity rejection rate", "%", IndicatorKind.Proportion,
        ImprovementDirection.Decrease, "referrals with a service decision") { ShortName = "Capacity rejection" };

    public static readonly Indicator InappropriateReferralRate = new("inappropriate_referral_rate", "Inappropriate referral rate", "%", IndicatorKind.Proportion,
        ImprovementDirection.Decrease, "referrals with a service decision") { ShortName = "Inappropriate referral" };

    public static readonly Indicator SignpostingRate = new("signposting_per_1000_gp_appointments", "Signposting events per 1,000 GP appointments",
        "per 1,000 GP appointments", IndicatorKind.Rate, ImprovementDirection.Neutral,
        "GP appointments in GPAD (appointment requests are not recorded, so appointments stand in for them)") { ShortName = "Signposting rate" };

    public static readonly Indicator DivertedRate = new("diverted_per_1000_patients", "Patients diverted per 1,000 registered patients",
        "per 1,000 registered patients", IndicatorKind.Rate, ImprovementDirection.Increase, ListSize) { ShortName = "Diverted per 1,000" };

    public static readonly Indicator RepresentationRate = new("representation_rate", "Re-presentation to the GP after diversion", "%", IndicatorKind.Proportion,
        ImprovementDirection.Decrease, "diverted events with complete follow-up") { ShortName = "Re-presentation" };

    public static readonly Indicator FreedRate = new("freed_per_1000_patients", "GP appointments freed per 1,000 registered patients",
        "per 1,000 registered patients", IndicatorKind.Estimate, ImprovementDirection.Increase, ListSize) { ShortName = "Appts freed per 1,000" };

    public static readonly Indicator FreedMinutesRate = new("freed_minutes_per_1000_patients", "GP minutes freed per 1,000 registered patients",
        "minutes per 1,000 registered patients", IndicatorKind.Estimate, ImprovementDirection.Increase, ListSize) { ShortName = "Minutes freed per 1,000" };

    public static readonly Indicator SpReferralRate = new("sp_referrals_per_1000_patients", "Social prescribing referrals per 1,000 registered patients",
        "per 1,000 registered patients", IndicatorKind.Rate, ImprovementDirection.Neutral, ListSize) { ShortName = "SP referrals per 1,000" };

    public static readonly Indicator WellbeingImprovement = new("wellbeing_improvement_rate", "People whose wellbeing improved meaningfully", "%",
        IndicatorKind.Proportion, ImprovementDirection.Increase, "people with a baseline and a follow-up score (each instrument)") { ShortName = "Wellbeing improved" };

    public static readonly Indicator DaysToFirstContact = new("mean_days_to_first_contact", "Mean days from referral to first link-worker contact", "days",
        IndicatorKind.Mean, ImprovementDirection.Decrease, "people seen by a link worker") { ShortName = "Days to first contact" };

    /// <summary>Every indicator of <c>impact report benchmark</c>, in the order tables and charts show them.</summary>
    public static IReadOnlyList<Indicator> All { get; } =
    [
        DivertedShare, AcceptanceRate, CapacityRejectionRate, InappropriateReferralRate, SignpostingRate, DivertedRate, RepresentationRate, FreedRate,
        FreedMinutesRate, SpReferralRate, WellbeingImprovement, DaysToFirstContact,
    ];

    /// <summary>The monthly pack's comparison (Table_10): the indicators a month of one area's counts gives steadily
    /// enough; the rest need <c>impact report benchmark</c>'s longer window.</summary>
    public static IReadOnlyList<Indicator> Monthly { get; } =
        [DivertedShare, AcceptanceRate, CapacityRejectionRate, InappropriateReferralRate, SignpostingRate, DivertedRate];

    /// <summary>The indicators compared between practices: those whose counts the benchmark's release holds per practice.
    /// Freed time per practice has no bootstrap interval in the benchmark (an estimate without one would be ranked on
    /// nothing), and link workers' caseload and wellbeing are released by PCN only (a practice's are mostly too small
    /// to publish, and adding them would change the release's suppression pattern).</summary>
    public static IReadOnlyList<Indicator> Practice { get; } =
        [DivertedShare, AcceptanceRate, CapacityRejectionRate, InappropriateReferralRate, SignpostingRate, DivertedRate, RepresentationRate];

    /// <summary>Rates are per this many of the denominator.</summary>
    public const double PerThousand = 1000;
}
