using static ImpactMeasure.Etl.Formats.ColumnSpec;

namespace ImpactMeasure.Etl.Formats.PatientAppointments;

/// <summary>ImpactMeasure's patient-level appointments (EXTRACTS.md), in GPAD's vocabularies.</summary>
public static class PatientAppointmentsFormat
{
    public const string FactScript = "Formats/PatientAppointments/fct_patient_appointment.sql";

    public static ExtractFormat Spec { get; } = new(FormatCatalog.PatientAppointments, "ImpactMeasure patient-level appointments",
        [Must("appointment_id"), Must("practice_code"), May("patient_id"), May("nhs_number"), Must("appointment_date"),
         Must("hcp_type"), Must("appt_mode"), Must("appt_status"), May("national_category"), May("duration_minutes")])
    {
        IsLocal = true, LoadOrder = 4, OneOf = [["patient_id", "nhs_number"]], Loader = () => new PatientAppointmentsLoader(),
        Scripts = [FactScript],
    };
}
