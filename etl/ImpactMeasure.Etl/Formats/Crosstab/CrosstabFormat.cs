using ImpactMeasure.Etl.Loading;
using static ImpactMeasure.Etl.Formats.ColumnSpec;

namespace ImpactMeasure.Etl.Formats.Crosstab;

/// <summary>The GPAD practice-level crosstab (EXTRACTS.md): practice × month × appointment attributes, the hot path.</summary>
public static class CrosstabFormat
{
    public static GrainSupersession Grain { get; } = new(
        "Formats/Crosstab/practice_months_replaced.sql", "Formats/Crosstab/practice_months_delete.sql", "Formats/Crosstab/practice_months_kept.sql");

    public static ExtractFormat Spec { get; } = new(FormatCatalog.PracticeCrosstab, "GPAD practice-level crosstab",
        [Must("appointment_month_start_date"), Must("gp_code"), Must("pcn_code"), SubIcbCode, Must("hcp_type"), Must("appt_mode"),
         Must("national_category"), Must("time_between_book_and_appt"), Must("count_of_appointments"), Must("appt_status"),
         May("gp_name"), May("supplier"), May("pcn_name"), May("sub_icb_location_name", "ccg_name")])
    {
        LoadOrder = 2, Loader = () => new PracticeCrosstabLoader(), Scripts = Grain.Scripts,
    };
}
