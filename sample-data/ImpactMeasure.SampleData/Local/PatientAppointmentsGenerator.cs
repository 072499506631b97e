using ImpactMeasure.SampleData.Geography;

namespace ImpactMeasure.SampleData.Local;

/// <summary>Patient-level appointments for signposted patients (a month either side of the event), people
/// referred to social prescribing (six months either side) and a comparison group (the whole period, or from a
/// registration during it), with the planted re-presentation rate after diversion and the planted fall in GP use
/// after referral; and the register of the patients whose GP use it simulates in full (the referred and the
/// comparison group: signposted-only patients' appointments exist only around their events).</summary>
public sealed class PatientAppointmentsGenerator
{
    public const int RepresentationWindowDays = 14;

    /// <summary>GP appointments a person has a month before a social prescribing referral (after it: the options' rate).</summary>
    public const double SpGpRateBefore = 0.45;
    public const double ComparisonGpRate = 0.45;
    public const double NavigatedGpRate = 0.15;
    public const double OtherStaffRate = 0.20;
    public const int ComparisonPatientsPerPractice = 60;
    public const int WindowMonths = 6;

    /// <summary>The share of GP appointments not attended (DNA).</summary>
    public const double GpDnaShare = 0.05;

    private readonly SampleDataOptions _options;

    public PatientAppointmentsGenerator(SampleDataOptions options) => _options = options;

    public List<PatientAppointment> Generate(IReadOnlyList<Practice> practices, IReadOnlyList<SignpostEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var appointments = new List<PatientAppointment>();
        foreach (var patient in events.Where(e => !e.IsSocialPrescribingReferral).GroupBy(e => e.PatientId))
            appointments.AddRange(Navigated(patient.Key, patient.ToList()));
        foreach (var patient in events.Where(e => e.IsSocialPrescribingReferral).GroupBy(e => e.PatientId))
            appointments.AddRange(Referred(patient.Key, patient.ToList()));
        foreach (var (id, practice, from) in Comparison(practices))
        {
            var random = new SeededRandom(_options.Seed, "appointments", id);
            appointments.AddRange(Background(random, practice.Code, id, from, _options.End, _ => ComparisonGpRate));
        }
        return appointments.OrderBy(a => a.Date).ThenBy(a => a.AppointmentId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The registered-patients extract: the referred (registered long before the period) and the comparison
    /// group, one in ten of whom registers during the period.</summary>
    public List<RegisteredPatient> Registered(IReadOnlyList<Practice> practices, IReadOnlyList<SignpostEvent> events)
    {
        ArgumentNullException.ThrowIfNull(practices);
        ArgumentNullException.ThrowIfNull(events);
        var decile = practices.ToDictionary(p => p.Code, p => p.DeprivationDecile, StringComparer.Ordinal);
        var longAgo = _options.Start.AddYears(-4);
        var referred = events.Where(e => e.IsSocialPrescribingReferral).GroupBy(e => e.PatientId)
            .Select(g => g.OrderBy(e => e.Date).First())
            .Select(e => new RegisteredPatient(e.PatientId, e.PracticeCode, Demographics.For(_options.Seed, e.PatientId, decile[e.PracticeCode]), longAgo));
        var comparison = Comparison(practices)
            .Select(c => new RegisteredPatient(c.Id, c.Practice.Code, Demographics.For(_options.Seed, c.Id, c.Practice.DeprivationDecile), c.From == _options.Start ? longAgo : c.From));
        return referred.Concat(comparison).OrderBy(r => r.PracticeCode, StringComparer.Ordinal).ThenBy(r => r.PatientId, StringComparer.Ordinal).ToList();
    }

    private IEnumerable<(string Id, Practice Practice, DateOnly From)> Comparison(IReadOnlyList<Practice> practices)
    {
        foreach (var practice in practices.Where(p => p.LinkWorkerStartMonth is not null))
        {
            for (var n = 0; n < ComparisonPatientsPerPractice; n++)
            {
                var id = SeededRandom.PseudoId(_options.Seed, "comparison", practice.Code, n);
                var joins = n % 10 == 9 ? new SeededRandom(_options.Seed, "registration", id).Between(0, 365) : (int?)null;
                yield return (id, practice, joins is { } days ? _options.Start.AddDays(days) : _options.Start);
            }
        }
    }

    private List<PatientAppointment> Navigated(string patientId, List<SignpostEvent> events)
    {
        var random = new SeededRandom(_options.Seed, "appointments", patientId);
        var practice = events[0].PracticeCode;
        var windows = events.Select(e => (From: Max(e.Date.AddDays(-30), _options.Start), To: Min(e.Date.AddDays(30), _options.End))).ToList();
        var diverted = events.Where(e => Outcomes.IsDiverted(e.Outcome)).ToList();
        var result = new List<PatientAppointment>();
        foreach (var day in Days(windows))
            result.AddRange(OnDay(random, practice, patientId, day, NavigatedGpRate));
        // No chance re-presentation: the planted rate alone decides who comes back within the window.
        result.RemoveAll(a => a.IsGpVisit && diverted.Any(e => InWindow(e.Date, a.Date)));
        foreach (var e in diverted.Where(e => random.Chance(_options.RepresentationRate)))
        {
            var days = Enumerable.Range(1, RepresentationWindowDays).Select(e.Date.AddDays).Where(d => WorkingDays.IsWorkingDay(d) && d <= _options.End).ToList();
            if (days.Count > 0)
                result.Add(Appointment(random, practice, patientId, random.Pick(days), "GP", "Attended"));
        }
        return result;
    }

    private List<PatientAppointment> Referred(string patientId, List<SignpostEvent> referrals)
    {
        var random = new SeededRandom(_options.Seed, "appointments", patientId);
        var first = referrals.Min(r => r.Date);
        var windows = referrals.Select(r => (From: Max(r.Date.AddMonths(-WindowMonths), _options.Start), To: Min(r.Date.AddMonths(WindowMonths), _options.End)));
        var result = new List<PatientAppointment>();
        foreach (var day in Days(windows))
            result.AddRange(OnDay(random, referrals[0].PracticeCode, patientId, day, day < first ? SpGpRateBefore : _options.GpRateAfterReferral));
        return result;
    }

    private IEnumerable<PatientAppointment> Background(SeededRandom random, string practice, string patientId, DateOnly from, DateOnly to, Func<DateOnly, double> gpRate)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            foreach (var a in OnDay(random, practice, patientId, day, gpRate(day)))
                yield return a;
        }
    }

    // Rates are per calendar month; appointments fall on working days only, so a working day carries
    // the whole month's rate spread over about 21 days.
    private IEnumerable<PatientAppointment> OnDay(SeededRandom random, string practice, string patientId, DateOnly day, double gpRatePerMonth)
    {
        if (!WorkingDays.IsWorkingDay(day))
            yield break;
        const double perWorkingDay = 1 / 21.0;
        if (random.Chance(gpRatePerMonth * perWorkingDay))
            yield return Appointment(random, practice, patientId, day, "GP", random.Chance(GpDnaShare) ? "DNA" : "Attended");
        if (random.Chance(OtherStaffRate * perWorkingDay))
            yield return Appointment(random, practice, patientId, day, "Other Practice staff", random.Chance(0.06) ? "DNA" : "Attended");
    }

    private PatientAppointment Appointment(SeededRandom random, string practice, string patientId, DateOnly day, string hcp, string status)
    {
        var gp = hcp == "GP";
        var mode = random.Uniform() switch { < 0.5 => "Face-to-Face", < 0.94 => "Telephone", _ => "Video Conference/Online" };
        var category = gp
            ? random.Pick(["General Consultation Routine", "General Consultation Acute", "Clinical Triage"])
            : random.Pick(["Planned Clinics", "Planned Clinical Procedure", "General Consultation Routine"]);
        var minutes = Math.Max(2, (int)Math.Round(random.Normal(gp ? 10 : 15, 3)));
        var id = "APT" + SeededRandom.PseudoId(_options.Seed, "appointment", patientId, day.DayNumber, hcp, random.Between(0, int.MaxValue));
        return new PatientAppointment(id, practice, patientId, day, hcp, mode, status, category, minutes);
    }

    private static bool InWindow(DateOnly eventDate, DateOnly day) => day > eventDate && day <= eventDate.AddDays(RepresentationWindowDays);

    private static SortedSet<DateOnly> Days(IEnumerable<(DateOnly From, DateOnly To)> windows)
    {
        var days = new SortedSet<DateOnly>();
        foreach (var (from, to) in windows)
        {
            for (var d = from; d <= to; d = d.AddDays(1))
                days.Add(d);
        }
        return days;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
