using static ImpactMeasure.Etl.Formats.ColumnSpec;

namespace ImpactMeasure.Etl.Formats.Signposting;

/// <summary>ImpactMeasure's signposting and referral events (EXTRACTS.md), from care navigators and link workers.</summary>
public static class SignpostingFormat
{
    public const string ReasonsScript = "Formats/Signposting/reasons.sql";
    public const string HighestKeyScript = "Formats/Signposting/signpost_highest_key.sql";
    public const string DimServiceScript = "Formats/Signposting/dim_service.sql";
    public const string FactScript = "Formats/Signposting/fct_signpost.sql";

    public static ExtractFormat Spec { get; } = new(FormatCatalog.Signposting, "ImpactMeasure signposting events",
        [Must("event_id"), Must("event_date"), Must("practice_code"), Must("role"), May("patient_id"), May("nhs_number"),
         May("requested_gp_appointment"), May("referrer_role"), May("reason_code"), May("reason_snomed"),
         Must("destination_service_code"), Must("destination_service_name"), Must("destination_category"), Must("outcome"),
         May("outcome_date"), May("age_band"), May("sex"), May("imd_decile")])
    {
        IsLocal = true, LoadOrder = 3, OneOf = [["patient_id", "nhs_number"]], Loader = () => new SignpostingLoader(),
        Scripts = [ReasonsScript, HighestKeyScript, DimServiceScript, FactScript],
    };
}
