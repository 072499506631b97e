using static ImpactMeasure.Etl.Formats.ColumnSpec;

namespace ImpactMeasure.Etl.Formats.Wellbeing;

/// <summary>ImpactMeasure's wellbeing scores (EXTRACTS.md): baseline and follow-up per referral and instrument.</summary>
public static class WellbeingFormat
{
    public const string RangesScript = "Formats/Wellbeing/instrument_ranges.sql";
    public const string FactScript = "Formats/Wellbeing/fct_wellbeing.sql";

    public static ExtractFormat Spec { get; } = new(FormatCatalog.Wellbeing, "ImpactMeasure wellbeing scores",
        [Must("referral_id"), May("patient_id"), May("nhs_number"), Must("practice_code"), Must("instrument"), Must("timepoint"),
         Must("measured_on"), Must("score")])
    {
        IsLocal = true, LoadOrder = 4, OneOf = [["patient_id", "nhs_number"]], Loader = () => new WellbeingLoader(),
        Scripts = [RangesScript, FactScript],
    };
}
