namespace ImpactMeasure.SampleData.Local;

/// <summary>One appointment of one patient, as the patient-level extract carries it.</summary>
public sealed record PatientAppointment(
    string AppointmentId,
    string PracticeCode,
    string PatientId,
    DateOnly Date,
    string HcpType,
    string Mode,
    string Status,
    string Category,
    int DurationMinutes)
{
    public bool IsGpVisit => HcpType == "GP" && Status != "DNA";
}
