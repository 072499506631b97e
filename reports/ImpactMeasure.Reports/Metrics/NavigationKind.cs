namespace ImpactMeasure.Reports.Metrics;

/// <summary>One care-navigation event as rpt_navigation_events returns it. <see cref="RequestedGp"/> is null when
/// the extract left it blank; <see cref="FollowUpComplete"/> says the re-presentation window lies wholly inside the
/// practice's patient-level data (METHODS §1).</summary>
public sealed record NavigationEvent(string PatientId, string PracticeCode, string PracticeName, string PcnCode, string PcnName, string Outcome,
    bool Represented, DateOnly Month, bool? RequestedGp = true, bool PracticeHasPatientLevel = true, bool FollowUpComplete = true)
{
    public bool Diverted => Outcome is "accepted" or "attended";

    /// <summary>Could free a GP appointment: the patient asked for one (Y), or the extract did not say (blank, noted).</summary>
    public bool FreesGp => RequestedGp is not false;

    public static IReadOnlyList<NavigationEvent> Read(IEnumerable<ReportQueries.Row> rows) =>
        rows.Select(r => new NavigationEvent(r.Text("patient_pseudo_id"), r.Text("practice_code"), r.Text("practice_name"), r.Text("pcn_code"),
            r.Text("pcn_name"), r.Text("outcome_code"), r.Count("gp_visits_in_window") > 0, FirstOfMonth(r.Date("event_date")),
            r.Text("requested_gp_appointment") switch { "" => null, var v => v is "True" or "true" or "1" },
            r.Count("practice_has_patient_level") > 0, r.Count("follow_up_complete") > 0)).ToList();

    private static DateOnly FirstOfMonth(DateOnly date) => new(date.Year, date.Month, 1);
}
