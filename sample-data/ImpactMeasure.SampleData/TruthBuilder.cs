using System.Text.Json;
using ImpactMeasure.SampleData.Geography;
using ImpactMeasure.SampleData.Gpad;
using ImpactMeasure.SampleData.Local;
using ImpactMeasure.SampleData.Output;

namespace ImpactMeasure.SampleData;

/// <summary>Collects the planted parameters and what the draws realised into <see cref="PlantedTruth"/>.</summary>
public static class TruthBuilder
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
    };

    public static PlantedTruth Build(SampleDataOptions options, SyntheticGeography geography, CrosstabWriter crosstab,
        ServiceCatalogue services, IReadOnlyList<SignpostEvent> events, IReadOnlyList<PatientAppointment> appointments,
        WellbeingGenerator wellbeing, long totalAppointments, FileTally tally, string? inappropriatePcn = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(geography);
        ArgumentNullException.ThrowIfNull(tally);
        var published = events.Select(e => (Event: e, Outcome: PublishedOutcome(options, e))).ToList();
        return new PlantedTruth(
            new GeneratorSettings(options.Seed, options.Icbs, options.Practices, options.Months, NhsDates.Month(options.Start),
                NhsDates.Month(options.MonthStart(options.Months - 1)), options.CrosstabCellsPerPractice),
            new SortedDictionary<string, FileCount>(tally.Kinds.ToDictionary(k => k.Key, k => new FileCount(k.Value.Files, k.Value.Rows)), StringComparer.Ordinal),
            GeographyOf(options, geography),
            AppointmentsOf(options, geography, crosstab, totalAppointments),
            OverloadOf(options, services),
            InappropriateRates(published),
            RepresentationOf(options, events, appointments),
            WellbeingOf(wellbeing),
            new GpUseTruth(PatientAppointmentsGenerator.WindowMonths, PatientAppointmentsGenerator.SpGpRateBefore,
                options.GpRateAfterReferral, PatientAppointmentsGenerator.ComparisonGpRate,
                Math.Round((options.GpRateAfterReferral - PatientAppointmentsGenerator.SpGpRateBefore) * PatientAppointmentsGenerator.WindowMonths, 6),
                PatientAppointmentsGenerator.GpDnaShare,
                Math.Round((options.GpRateAfterReferral - PatientAppointmentsGenerator.SpGpRateBefore) * PatientAppointmentsGenerator.WindowMonths
                    * (1 - PatientAppointmentsGenerator.GpDnaShare), 6)),
            inappropriatePcn is null ? null : InappropriatePcnOf(inappropriatePcn, published));
    }

    // What the files finally say: an event first published pending in the last month never gets its outcome.
    private static string PublishedOutcome(SampleDataOptions options, SignpostEvent e) =>
        e.FirstPublishedPending && e.MonthIndex == options.Months - 1 ? Outcomes.Pending : e.Outcome;

    private static GeographyTruth GeographyOf(SampleDataOptions options, SyntheticGeography geography)
    {
        var practices = geography.Practices;
        string? MonthOf(int? index) => index is { } i ? NhsDates.Month(options.MonthStart(i)) : null;
        return new GeographyTruth(
            geography.Mover is { Move: { } move } mover
                ? new PracticeMove(mover.Code, mover.Pcn.Code, move.To.Code, NhsDates.Month(options.MonthStart(move.Month)))
                : null,
            practices.Where(p => p.Pcn.IsUnallocated).Select(p => p.Code).ToList(),
            new SortedDictionary<string, string?>(practices.Select(p => p.Pcn).Where(p => !p.IsUnallocated).DistinctBy(p => p.Code)
                .ToDictionary(p => p.Code, p => MonthOf(p.LinkWorkerStartMonth)), StringComparer.Ordinal),
            new SortedDictionary<string, string?>(practices.ToDictionary(p => p.Code, p => MonthOf(p.CareNavigationStartMonth)), StringComparer.Ordinal));
    }

    private static AppointmentTruth AppointmentsOf(SampleDataOptions options, SyntheticGeography geography, CrosstabWriter crosstab, long total)
    {
        var treated = geography.Practices.Where(p => p.LinkWorkerStartMonth is { } s && s < options.Months).ToList();
        var before = treated.Count == 0 ? 0 : treated.Average(p =>
        {
            var start = p.LinkWorkerStartMonth!.Value;
            return ActivityModel.ExpectedTotal(p, options.MonthStart(start), start) * crosstab.GpShareOf(p) / p.ListSizeIn(start) * 1000;
        });
        // The overall effect a staggered difference in differences targets: the mean log effect over the treated
        // practice-months of practices starting after the first month (those with a month before to compare).
        var post = treated.Where(p => p.LinkWorkerStartMonth > 0)
            .SelectMany(p => Enumerable.Range(p.LinkWorkerStartMonth!.Value, options.Months - p.LinkWorkerStartMonth!.Value).Select(m => Math.Log(ActivityModel.GpFactor(p, m, options))))
            .ToList();
        return new AppointmentTruth(ActivityModel.AppointmentsPerPatientPerYear, ActivityModel.GpStepChangeRelative, options.EffectGrowth,
            post.Count == 0 ? 0 : Math.Round(post.Average(), 6), Math.Round(before, 3), Math.Round(before * ActivityModel.GpStepChangeRelative, 3), total);
    }

    private static OverloadedServiceTruth OverloadOf(SampleDataOptions options, ServiceCatalogue services) =>
        new(services.Overloaded.Code, services.Overloaded.Name, NhsDates.Month(options.MonthStart(services.OverloadedFromMonth)),
            Math.Round(Outcomes.CapacityRate(services.Overloaded.Mix), 6), Math.Round(Outcomes.CapacityRate(services.Overloaded.OverloadedMix!), 6));

    private static SortedDictionary<string, RateTruth> InappropriateRates(List<(SignpostEvent Event, string Outcome)> published)
    {
        var rates = new SortedDictionary<string, RateTruth>(StringComparer.Ordinal);
        foreach (var (role, _, planted) in ReferrerRoles.All)
        {
            var decided = published.Where(p => p.Event.IsSocialPrescribingReferral && p.Event.ReferrerRole == role && Outcomes.IsServiceDecision(p.Outcome)).ToList();
            var inappropriate = decided.Count(p => p.Outcome == Outcomes.RejectedInappropriate);
            rates[role] = new RateTruth(planted, inappropriate, decided.Count, decided.Count == 0 ? 0 : Math.Round((double)inappropriate / decided.Count, 6));
        }
        return rates;
    }

    private static InappropriatePcnTruth InappropriatePcnOf(string pcn, List<(SignpostEvent Event, string Outcome)> published)
    {
        var others = ReferrerRoles.All.Sum(r => r.Share * r.InappropriateRate);
        RateTruth Rate(double planted, Func<SignpostEvent, bool> which)
        {
            var decided = published.Where(p => p.Event.IsSocialPrescribingReferral && which(p.Event) && Outcomes.IsServiceDecision(p.Outcome)).ToList();
            var inappropriate = decided.Count(p => p.Outcome == Outcomes.RejectedInappropriate);
            return new RateTruth(Math.Round(planted, 6), inappropriate, decided.Count, decided.Count == 0 ? 0 : Math.Round((double)inappropriate / decided.Count, 6));
        }
        return new InappropriatePcnTruth(pcn, Math.Round(ReferrerRoles.PlantedPcnRate, 6), Math.Round(others, 6),
            Rate(ReferrerRoles.PlantedPcnRate, e => e.Service.Code == "SPLW-" + pcn),
            Rate(others, e => e.Service.Code != "SPLW-" + pcn));
    }

    private static RepresentationTruth RepresentationOf(SampleDataOptions options, IReadOnlyList<SignpostEvent> events, IReadOnlyList<PatientAppointment> appointments)
    {
        var gpVisits = appointments.Where(a => a.IsGpVisit).ToLookup(a => a.PatientId);
        var diverted = events.Where(e => !e.IsSocialPrescribingReferral && Outcomes.IsDiverted(e.Outcome)).ToList();
        var represented = diverted.Count(e => gpVisits[e.PatientId].Any(a =>
            a.Date > e.Date && a.Date <= e.Date.AddDays(PatientAppointmentsGenerator.RepresentationWindowDays)));
        return new RepresentationTruth(PatientAppointmentsGenerator.RepresentationWindowDays, options.RepresentationRate,
            diverted.Count, represented, diverted.Count == 0 ? 0 : Math.Round((double)represented / diverted.Count, 6));
    }

    private static WellbeingTruth WellbeingOf(WellbeingGenerator wellbeing)
    {
        var realised = wellbeing.Realised;
        var byInstrument = new SortedDictionary<string, WellbeingChange>(StringComparer.Ordinal);
        foreach (var (instrument, _, _, change, _) in WellbeingGenerator.Planted)
        {
            var (mean, pairs) = realised.GetValueOrDefault(instrument);
            byInstrument[instrument] = new WellbeingChange(change, Math.Round(mean, 6), pairs);
        }
        return new WellbeingTruth(WellbeingGenerator.FollowUpRate, "SWEMWBS change on the metric scale", byInstrument);
    }
}
