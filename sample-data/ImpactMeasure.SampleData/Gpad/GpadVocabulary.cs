namespace ImpactMeasure.SampleData.Gpad;

/// <summary>GPAD values spelled exactly as published (double spaces, "Unknown / Data Issue" in the
/// practice file) with the shares seen in the real Oct 2025 practice-level rows
/// (../shared/reference/extracts), per HCP type.</summary>
public static class GpadVocabulary
{
    public const string Gp = "GP";
    public const string OtherStaff = "Other Practice staff";
    public const string Unknown = "Unknown";

    public static readonly (string Value, double Share)[] HcpTypes = [(Gp, 0.322), (OtherStaff, 0.650), (Unknown, 0.028)];

    public static readonly (string Value, double Share)[] Statuses = [("Attended", 0.89), ("DNA", 0.05), (Unknown, 0.06)];

    public static (string Value, double Share)[] ModesFor(string hcp) => hcp switch
    {
        Gp => [("Face-to-Face", 0.47), ("Telephone", 0.425), ("Video Conference/Online", 0.095), ("Home Visit", 0.004), (Unknown, 0.006)],
        OtherStaff => [("Face-to-Face", 0.676), ("Telephone", 0.159), ("Video Conference/Online", 0.132), ("Home Visit", 0.027), (Unknown, 0.006)],
        _ => [("Face-to-Face", 0.176), ("Telephone", 0.089), (Unknown, 0.735)],
    };

    public static (string Value, double Share)[] LeadTimesFor(string hcp) => hcp switch
    {
        Gp => [("Same Day", 0.509), ("1 Day", 0.114), ("2 to 7 Days", 0.152), ("8  to 14 Days", 0.07), ("15  to 21 Days", 0.045), ("22  to 28 Days", 0.042), ("More than 28 Days", 0.067), ("Unknown / Data Issue", 0.001)],
        OtherStaff => [("Same Day", 0.346), ("1 Day", 0.06), ("2 to 7 Days", 0.148), ("8  to 14 Days", 0.111), ("15  to 21 Days", 0.093), ("22  to 28 Days", 0.083), ("More than 28 Days", 0.156), ("Unknown / Data Issue", 0.003)],
        _ => [("Same Day", 0.702), ("1 Day", 0.13), ("2 to 7 Days", 0.071), ("8  to 14 Days", 0.025), ("15  to 21 Days", 0.02), ("22  to 28 Days", 0.019), ("More than 28 Days", 0.028), ("Unknown / Data Issue", 0.005)],
    };

    public static (string Value, double Share)[] CategoriesFor(string hcp) => hcp switch
    {
        Gp => [("General Consultation Routine", 0.262), ("Inconsistent Mapping", 0.25), ("General Consultation Acute", 0.196), ("Clinical Triage", 0.184), ("Planned Clinical Procedure", 0.044), ("Planned Clinics", 0.043), ("Patient contact during Care Home Round", 0.015), ("Unplanned Clinical Activity", 0.003), ("Home Visit", 0.002), ("Non-contractual chargeable work", 0.001)],
        OtherStaff => [("Planned Clinical Procedure", 0.24), ("Planned Clinics", 0.182), ("Inconsistent Mapping", 0.17), ("Clinical Triage", 0.135), ("General Consultation Routine", 0.116), ("General Consultation Acute", 0.069), ("Social Prescribing Service", 0.03), ("Patient contact during Care Home Round", 0.022), ("Home Visit", 0.02), ("Service provided by organisation external to the practice", 0.01), ("Group Consultation and Group Education", 0.003), ("Structured Medication Review", 0.001), ("Walk-in", 0.001), ("Unplanned Clinical Activity", 0.001)],
        _ => [("Unmapped", 0.735), ("Inconsistent Mapping", 0.176), ("Clinical Triage", 0.085), ("General Consultation Routine", 0.004)],
    };

    /// <summary>Actual-duration bands as published in the daily duration file, with typical shares.</summary>
    public static readonly (string Value, double Share)[] DurationBands =
    [
        ("1-5 Minutes", 0.16), ("6-10 Minutes", 0.20), ("11-15 Minutes", 0.17), ("16-20 Minutes", 0.11),
        ("21-30 Minutes", 0.12), ("31-60 Minutes", 0.08), ("Unknown / Data Quality", 0.16),
    ];
}
