using ImpactMeasure.Reports.Metrics;

namespace ImpactMeasure.Reports.Tests.Navigation;

/// <summary>One care-navigation event, classified in C# as METHODS §1 words it: the reference that
/// rpt_navigation_kinds' counts are checked against, and the hand-made events of the unit tests.
/// <see cref="RequestedGp"/> is null when the extract left it blank.</summary>
public sealed record NavigationEvent(string PatientId, string PracticeCode, string PracticeName, string PcnCode, string PcnName, string Outcome,
    bool Represented, bool? RequestedGp = true, bool PracticeHasPatientLevel = true, bool FollowUpComplete = true, long PracticeKey = 0, DateOnly Month = default)
{
    public bool Diverted => Outcome is "accepted" or "attended";

    /// <summary>Could free a GP appointment: the patient asked for one (Y), or the extract did not say (blank).</summary>
    public bool FreesGp => RequestedGp is not false;

    public FollowUpCounts Counts
    {
        get
        {
            var freeing = Diverted && FreesGp;
            var complete = freeing && PracticeHasPatientLevel && FollowUpComplete;
            return new FollowUpCounts(1, Diverted ? 1 : 0, Diverted && !FreesGp ? 1 : 0, Diverted && RequestedGp is null ? 1 : 0,
                complete ? 1 : 0, complete && Represented ? 1 : 0, freeing && PracticeHasPatientLevel && !FollowUpComplete ? 1 : 0,
                freeing && !PracticeHasPatientLevel ? 1 : 0, freeing && Outcome == "attended" ? 1 : 0, FreesGp && Outcome == "no_response" ? 1 : 0);
        }
    }

    public static IReadOnlyList<NavigationEvent> Read(IEnumerable<ReportQueries.Row> rows) =>
        rows.Select(r => new NavigationEvent(r.Text("patient_pseudo_id"), r.Text("practice_code"), r.Text("practice_name"), r.Text("pcn_code"),
            r.Text("pcn_name"), r.Text("outcome_code"), r.Count("gp_visits_in_window") > 0,
            r.Text("requested_gp_appointment") switch { "" => null, var v => v is "True" or "true" or "1" },
            r.Count("practice_has_patient_level") > 0, r.Count("follow_up_complete") > 0, r.Count("practice_key"), r.Date("month_start_date"))).ToList();

    /// <summary>The events' units of each practice version counted by kind, in rpt_navigation_kinds' order: a unit is
    /// a patient where <paramref name="patients"/> says so (default everywhere), else the whole practice version.</summary>
    public static IReadOnlyList<NavigationKind> Kinds(IEnumerable<NavigationEvent> events, Func<NavigationEvent, bool>? patients = null) =>
        events.GroupBy(e => (e.PracticeKey, e.PracticeCode, Unit: patients is null || patients(e) ? e.PatientId : null))
            .Select(p => (p.Key.PracticeKey, First: p.First(), Counts: FollowUpCounts.Sum(p.Select(e => e.Counts))))
            .GroupBy(p => (p.PracticeKey, p.Counts))
            .Select(k => (k.Key.PracticeKey, Kind: new NavigationKind(k.First().First.PracticeCode, k.First().First.PracticeName, k.First().First.PcnCode,
                k.First().First.PcnName, k.Key.Counts, k.Count())))
            .OrderBy(k => k.Kind.PracticeCode, StringComparer.Ordinal).ThenBy(k => k.Kind.PcnCode, StringComparer.Ordinal).ThenBy(k => k.PracticeKey)
            .ThenBy(k => Key(k.Kind.Counts), StringComparer.Ordinal)
            .Select(k => k.Kind).ToList();

    // The counts as sortable text: each count is small, so zero-padding orders them as the query's order by does.
    private static string Key(FollowUpCounts c) => string.Join(',', new[] { c.Signposted, c.Diverted, c.NotRequested, c.RequestedUnknown, c.Complete,
        c.Represented, c.Incomplete, c.NoPatientLevel, c.Attended, c.NoResponse }.Select(v => v.ToString("D9", System.Globalization.CultureInfo.InvariantCulture)));
}
