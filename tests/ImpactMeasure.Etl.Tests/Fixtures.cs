namespace ImpactMeasure.Etl.Tests;

/// <summary>Small hand-written extracts for the bad-input tests.</summary>
internal static class Fixtures
{
    public const string CrosstabHeader =
        "APPOINTMENT_MONTH_START_DATE,GP_CODE,GP_NAME,SUPPLIER,PCN_CODE,PCN_NAME,SUB_ICB_LOCATION_CODE,SUB_ICB_LOCATION_NAME,HCP_TYPE,APPT_MODE,NATIONAL_CATEGORY,TIME_BETWEEN_BOOK_AND_APPT,COUNT_OF_APPOINTMENTS,APPT_STATUS";

    /// <summary>A crosstab row for practice A81001 (or another) with a count and lead time.</summary>
    public static string Crosstab(int count, string practice = "A81001", string lead = "Same Day", string month = "01OCT2025", string mode = "Face-to-Face") =>
        $"{month},{practice},\"SMITH, JONES AND PARTNERS\",EMIS,U12345,TEST PCN,16C,NHS Test ICB - 16C,GP,{mode},General Consultation Routine,{lead},{count},Attended";

    public static string[] CrosstabFile(params string[] rows) => [CrosstabHeader, .. rows];

    public const string SignpostingHeader =
        "event_id,event_date,practice_code,role,patient_id,requested_gp_appointment,referrer_role,reason_code,destination_service_code,destination_service_name,destination_category,outcome,outcome_date,age_band,sex,imd_decile";

    public static string Signpost(string id, string outcome = "accepted", string patient = "p-0001", string practice = "A81001", string date = "2025-10-06") =>
        $"{id},{date},{practice},care_navigator,{patient},Y,,msk,MSK1,MSK First Contact Physiotherapy,physiotherapy_msk,{outcome},2025-10-09,40-64,F,3";
}
