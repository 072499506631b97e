using ImpactMeasure.SampleData.Output;

namespace ImpactMeasure.SampleData.Local;

/// <summary>Writes a month's signposting file: the month's events (some still pending) then the final
/// outcomes of the previous month's pending events under the same event_id.</summary>
public static class SignpostingWriter
{
    public static readonly string[] Header =
    [
        "event_id", "event_date", "practice_code", "role", "patient_id", "requested_gp_appointment", "referrer_role",
        "reason_code", "destination_service_code", "destination_service_name", "destination_category", "outcome",
        "outcome_date", "age_band", "sex", "imd_decile",
    ];

    public static void Write(CsvOut file, IEnumerable<SignpostEvent> thisMonth, IEnumerable<SignpostEvent> previousMonth)
    {
        ArgumentNullException.ThrowIfNull(file);
        foreach (var e in thisMonth)
            WriteRow(file, e, pending: e.FirstPublishedPending);
        foreach (var e in previousMonth.Where(e => e.FirstPublishedPending))
            WriteRow(file, e, pending: false);
    }

    private static void WriteRow(CsvOut file, SignpostEvent e, bool pending) =>
        file.Write(e.EventId, NhsDates.Iso(e.Date), e.PracticeCode, e.Role, e.PatientId, e.RequestedGpAppointment ? "Y" : "N",
            e.ReferrerRole, e.ReasonCode, e.Service.Code, e.Service.Name, e.Service.Category,
            pending ? Outcomes.Pending : e.Outcome, pending || e.OutcomeDate is null ? "" : NhsDates.Iso(e.OutcomeDate.Value),
            e.Patient.AgeBand, e.Patient.Sex, NhsDates.Number(e.Patient.ImdDecile));
}
