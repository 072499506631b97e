using ImpactMeasure.SampleData.Geography;

namespace ImpactMeasure.SampleData.Local;

/// <summary>Makes the signposting events: care navigators signpost patients who asked for a GP appointment
/// (from each practice's care navigation start month); link workers take referrals (from their PCN's start
/// month) with the planted inappropriate-referral rate of each referrer role.</summary>
public sealed class SignpostingGenerator
{
    /// <summary>Care navigation events a month per 1,000 registered patients.</summary>
    public const double NavigationsPer1000 = 2.0;

    /// <summary>Social prescribing referrals a month per 1,000 registered patients.</summary>
    public const double ReferralsPer1000 = 0.45;

    /// <summary>The planted PCN's care navigators refer twice as many patients to its link workers as elsewhere.</summary>
    public const double PlantedPcnVolume = 2.0;

    /// <summary>Share of events first published as pending, their outcome following a month later.</summary>
    public const double PendingFirst = 0.10;

    private static readonly (string Code, double Weight)[] SocialNeeds =
    [
        ("loneliness", 0.30), ("mental_wellbeing", 0.25), ("debt_benefits", 0.15), ("housing", 0.10),
        ("carer_support", 0.08), ("physical_activity", 0.12),
    ];

    private readonly SampleDataOptions _options;
    private readonly ServiceCatalogue _services;

    public SignpostingGenerator(SampleDataOptions options, ServiceCatalogue services, string? inappropriatePcn = null)
    {
        _options = options;
        _services = services;
        InappropriatePcn = inappropriatePcn;
    }

    /// <summary>The PCN planted with a high inappropriate-referral rate: its referrals all come from care navigators,
    /// twice as many as elsewhere.</summary>
    public string? InappropriatePcn { get; }

    /// <summary>The first ICB's PCN whose link workers start first (the highest code among ties): planted with a high
    /// inappropriate-referral rate, so benchmarking has a known outlier.</summary>
    public static string? PlantedPcn(IReadOnlyList<Practice> practices)
    {
        ArgumentNullException.ThrowIfNull(practices);
        var first = practices.Select(p => p.Icb.Code).Order(StringComparer.Ordinal).FirstOrDefault();
        return practices.Where(p => p.Icb.Code == first).Select(p => p.Pcn).Where(p => !p.IsUnallocated && p.LinkWorkerStartMonth is not null)
            .DistinctBy(p => p.Code).OrderBy(p => p.LinkWorkerStartMonth).ThenByDescending(p => p.Code, StringComparer.Ordinal).FirstOrDefault()?.Code;
    }

    public IReadOnlyList<SignpostEvent> Generate(IReadOnlyList<Practice> practices, int monthIndex)
    {
        ArgumentNullException.ThrowIfNull(practices);
        var events = new List<SignpostEvent>();
        foreach (var practice in practices)
        {
            var random = new SeededRandom(_options.Seed, "signposting", practice.Code, monthIndex);
            var list = practice.ListSizeIn(monthIndex);
            if (practice.HasCareNavigationIn(monthIndex))
            {
                var count = random.Poisson(list / 1000.0 * NavigationsPer1000);
                for (var n = 0; n < count; n++)
                    events.Add(Navigation(random, practice, monthIndex, n));
            }
            if (practice.HasLinkWorkerIn(monthIndex))
            {
                var planted = practice.PcnIn(monthIndex).Code == InappropriatePcn;
                var count = random.Poisson(list / 1000.0 * ReferralsPer1000 * (planted ? PlantedPcnVolume : 1));
                for (var n = 0; n < count; n++)
                    events.Add(Referral(random, practice, monthIndex, n));
            }
        }
        return events.OrderBy(e => e.Date).ThenBy(e => e.EventId, StringComparer.Ordinal).ToList();
    }

    private SignpostEvent Navigation(SeededRandom random, Practice practice, int monthIndex, int n)
    {
        var services = _services.For(practice.Icb);
        var service = services[random.Pick(services.Select(s => s.Weight).ToList())].Service;
        var outcome = Outcomes.Final[random.Pick(service.MixIn(monthIndex))];
        return Event(random, practice, monthIndex, $"CN-{practice.Code}-{NhsMonth(monthIndex)}-{n:0000}", "care_navigator",
            requestedGp: random.Chance(0.9), referrerRole: "", service.Reason, service, outcome);
    }

    private SignpostEvent Referral(SeededRandom random, Practice practice, int monthIndex, int n)
    {
        var shares = practice.PcnIn(monthIndex).Code == InappropriatePcn ? ReferrerRoles.PlantedPcnShares : ReferrerRoles.All.Select(r => r.Share).ToArray();
        var (role, _, inappropriate) = ReferrerRoles.All[random.Pick(shares)];
        var outcome = ReferralOutcome(random, inappropriate);
        var need = SocialNeeds[random.Pick(SocialNeeds.Select(s => s.Weight).ToList())].Code;
        return Event(random, practice, monthIndex, $"SP-{practice.Code}-{NhsMonth(monthIndex)}-{n:0000}", "social_prescribing_link_worker",
            requestedGp: role == "care_navigator" && random.Chance(0.5), referrerRole: role, need,
            ServiceCatalogue.SocialPrescribing(practice.PcnIn(monthIndex)), outcome);
    }

    // Decision first, so the planted rate is exactly the METHODS §2 rate: rejections ÷ service decisions.
    private static string ReferralOutcome(SeededRandom random, double inappropriateRate)
    {
        var u = random.Uniform();
        if (u < ReferrerRoles.Declined)
            return Outcomes.DeclinedByPatient;
        if (u < ReferrerRoles.Declined + ReferrerRoles.NoResponse)
            return Outcomes.NoResponse;
        if (random.Chance(inappropriateRate))
            return Outcomes.RejectedInappropriate;
        if (random.Chance(ReferrerRoles.Capacity / (1 - inappropriateRate)))
            return Outcomes.RejectedCapacity;
        return new[] { Outcomes.Accepted, Outcomes.Attended, Outcomes.DidNotAttend }[random.Pick(ReferrerRoles.AcceptedSplit)];
    }

    private SignpostEvent Event(SeededRandom random, Practice practice, int monthIndex, string id, string role,
        bool requestedGp, string referrerRole, string reason, Service service, string outcome)
    {
        var date = WorkingDayIn(random, _options.MonthStart(monthIndex));
        var patientId = SeededRandom.PseudoId(_options.Seed, "patient", practice.Code, random.Between(0, practice.ListSizeIn(monthIndex)));
        DateOnly? outcomeDate = outcome == Outcomes.NoResponse ? null : date.AddDays(random.Between(1, 22));
        return new SignpostEvent(id, date, monthIndex, practice.Code, role, patientId, requestedGp, referrerRole, reason,
            service, outcome, outcomeDate, Demographics.For(_options.Seed, patientId, practice.DeprivationDecile),
            FirstPublishedPending: random.Chance(PendingFirst));
    }

    private string NhsMonth(int monthIndex) => _options.MonthStart(monthIndex).ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A random working day of the month (the practice is closed at weekends and on bank holidays).</summary>
    public static DateOnly WorkingDayIn(SeededRandom random, DateOnly month)
    {
        ArgumentNullException.ThrowIfNull(random);
        return random.Pick(WorkingDays.In(month).ToList());
    }
}
