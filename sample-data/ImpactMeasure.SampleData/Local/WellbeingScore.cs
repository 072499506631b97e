namespace ImpactMeasure.SampleData.Local;

/// <summary>One wellbeing score as the local extract carries it.</summary>
public sealed record WellbeingScore(string ReferralId, string PatientId, string PracticeCode, string Instrument, string Timepoint, DateOnly MeasuredOn, int Score);
