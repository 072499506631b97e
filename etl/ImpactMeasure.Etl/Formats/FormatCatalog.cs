namespace ImpactMeasure.Etl.Formats;

/// <summary>Every extract format ImpactMeasure reads (EXTRACTS.md), with the older CCG_/STP_ header names.</summary>
public static class FormatCatalog
{
    public const string PracticeCrosstab = "gpad-practice-crosstab";
    public const string SubIcbDaily = "gpad-subicb-daily";
    public const string SubIcbMonthly = "gpad-subicb-monthly";
    public const string SubIcbCategory = "gpad-subicb-category";
    public const string SubIcbDuration = "gpad-subicb-duration";
    public const string Coverage = "gpad-coverage";
    public const string PracticeMapping = "practice-mapping";
    public const string ListSize = "list-size";
    public const string Signposting = "signposting";
    public const string Wellbeing = "wellbeing";
    public const string PatientAppointments = "patient-appointments";

    private static readonly string[] SubIcbAliases = ["ccg_code", "ccg_location_code"];

    private static ColumnSpec Req(string name, params string[] aliases) => new(name, true, aliases);

    private static ColumnSpec Opt(string name, params string[] aliases) => new(name, false, aliases);

    private static ColumnSpec SubIcb => Req("sub_icb_location_code", SubIcbAliases);

    public static IReadOnlyList<ExtractFormat> All { get; } =
    [
        new(PracticeMapping, "patients registered practice map",
            [Req("practice_code"), Req("pcn_code"), SubIcb, Req("icb_code", "stp_code"), Req("comm_region_code"), Req("extract_date"),
             Opt("practice_name"), Opt("pcn_name"), Opt("sub_icb_location_name", "ccg_name"), Opt("icb_name", "stp_name"),
             Opt("comm_region_name"), Opt("supplier_name")]) { LoadOrder = 0 },
        new(PracticeMapping, "GPAD Mapping.csv",
            [Req("gp_code"), Req("pcn_code"), SubIcb, Req("icb_code", "stp_code"), Req("region_code"),
             Opt("gp_name"), Opt("supplier"), Opt("pcn_name"), Opt("sub_icb_location_name", "ccg_name"), Opt("icb_name", "stp_name"),
             Opt("region_name")]) { LoadOrder = 0 },
        new(ListSize, "practice list size", [Req("practice_code"), Req("extract_date"), Req("number_of_patients")]) { LoadOrder = 1 },
        new(PracticeCrosstab, "GPAD practice-level crosstab",
            [Req("appointment_month_start_date"), Req("gp_code"), Req("pcn_code"), SubIcb, Req("hcp_type"), Req("appt_mode"),
             Req("national_category"), Req("time_between_book_and_appt"), Req("count_of_appointments"), Req("appt_status"),
             Opt("gp_name"), Opt("supplier"), Opt("pcn_name"), Opt("sub_icb_location_name", "ccg_name")]) { LoadOrder = 2 },
        new(SubIcbDaily, "GPAD sub-ICB daily",
            [SubIcb, Req("appointment_date"), Req("appt_status"), Req("hcp_type"), Req("appt_mode"), Req("time_between_book_and_appt"),
             Req("count_of_appointments")]) { LoadOrder = 2 },
        new(SubIcbMonthly, "GPAD sub-ICB monthly (Regional CSV)",
            [SubIcb, Req("appointment_month"), Req("appt_status"), Req("hcp_type"), Req("appt_mode"), Req("time_between_book_and_appt"),
             Req("count_of_appointments")]) { LoadOrder = 2 },
        new(SubIcbCategory, "GPAD sub-ICB daily national category",
            [SubIcb, Req("appointment_date"), Req("service_setting"), Req("context_type"), Req("national_category"),
             Req("count_of_appointments")]) { LoadOrder = 2 },
        new(SubIcbDuration, "GPAD sub-ICB daily actual duration",
            [SubIcb, Req("appointment_date"), Req("actual_duration"), Req("count_of_appointments")]) { LoadOrder = 2 },
        new(Coverage, "GPAD coverage",
            [SubIcb, Req("appointment_month"), Req("included practices"), Req("open practices"),
             Req("patients registered at included practices"), Req("patients registered at open practices")]) { LoadOrder = 2 },
        new(Signposting, "ImpactMeasure signposting events",
            [Req("event_id"), Req("event_date"), Req("practice_code"), Req("role"), Opt("patient_id"), Opt("nhs_number"),
             Opt("requested_gp_appointment"), Opt("referrer_role"), Opt("reason_code"), Opt("reason_snomed"),
             Req("destination_service_code"), Req("destination_service_name"), Req("destination_category"), Req("outcome"),
             Opt("outcome_date"), Opt("age_band"), Opt("sex"), Opt("imd_decile")])
        { IsLocal = true, LoadOrder = 3, OneOf = [["patient_id", "nhs_number"]] },
        new(Wellbeing, "ImpactMeasure wellbeing scores",
            [Req("referral_id"), Opt("patient_id"), Opt("nhs_number"), Req("practice_code"), Req("instrument"), Req("timepoint"),
             Req("measured_on"), Req("score")])
        { IsLocal = true, LoadOrder = 4, OneOf = [["patient_id", "nhs_number"]] },
        new(PatientAppointments, "ImpactMeasure patient-level appointments",
            [Req("appointment_id"), Req("practice_code"), Opt("patient_id"), Opt("nhs_number"), Req("appointment_date"),
             Req("hcp_type"), Req("appt_mode"), Req("appt_status"), Opt("national_category"), Opt("duration_minutes")])
        { IsLocal = true, LoadOrder = 4, OneOf = [["patient_id", "nhs_number"]] },
    ];

    /// <summary>Header names compare case-insensitively, ignoring surrounding spaces and a BOM.</summary>
    public static string Normalise(string header) => header.Trim().TrimStart('\uFEFF').Trim().ToLowerInvariant();
}
