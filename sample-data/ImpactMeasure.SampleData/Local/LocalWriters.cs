using ImpactMeasure.SampleData.Output;

namespace ImpactMeasure.SampleData.Local;

/// <summary>The row layouts of the wellbeing and patient-level appointment extracts (EXTRACTS.md).</summary>
public static class LocalWriters
{
    public static readonly string[] WellbeingHeader =
        ["referral_id", "patient_id", "practice_code", "instrument", "timepoint", "measured_on", "score"];

    public static readonly string[] PatientAppointmentHeader =
    [
        "appointment_id", "practice_code", "patient_id", "appointment_date", "hcp_type", "appt_mode", "appt_status",
        "national_category", "duration_minutes",
    ];

    public static void Write(CsvOut file, WellbeingScore s)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(s);
        file.Write(s.ReferralId, s.PatientId, s.PracticeCode, s.Instrument, s.Timepoint, NhsDates.Iso(s.MeasuredOn), NhsDates.Number(s.Score));
    }

    public static readonly string[] RegisteredPatientHeader =
        ["patient_id", "practice_code", "age_band", "sex", "imd_decile", "registration_start", "registration_end"];

    public static void Write(CsvOut file, RegisteredPatient r)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(r);
        file.Write(r.PatientId, r.PracticeCode, r.Demographics.AgeBand, r.Demographics.Sex, NhsDates.Number(r.Demographics.ImdDecile), NhsDates.Iso(r.RegisteredFrom), "");
    }

    public static void Write(CsvOut file, PatientAppointment a)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(a);
        file.Write(a.AppointmentId, a.PracticeCode, a.PatientId, NhsDates.Iso(a.Date), a.HcpType, a.Mode, a.Status, a.Category,
            NhsDates.Number(a.DurationMinutes));
    }
}
