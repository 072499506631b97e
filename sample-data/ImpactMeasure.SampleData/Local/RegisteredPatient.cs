namespace ImpactMeasure.SampleData.Local;

/// <summary>One registration of the registered-patients extract.</summary>
public sealed record RegisteredPatient(string PatientId, string PracticeCode, Demographics Demographics, DateOnly RegisteredFrom);
