using ImpactMeasure.Etl.Loading;
using static ImpactMeasure.Etl.Formats.ColumnSpec;

namespace ImpactMeasure.Etl.Formats.SubIcb;

/// <summary>The national GPAD sub-ICB files (EXTRACTS.md): daily and monthly appointments, national category and
/// actual duration, each keeping its own grain in fact_subicb_appointments.</summary>
public static class SubIcbFormats
{
    public static GrainSupersession Grain { get; } = new(
        "Formats/SubIcb/subicb_months_replaced.sql", "Formats/SubIcb/subicb_months_delete.sql", "Formats/SubIcb/subicb_months_kept.sql");

    public static IReadOnlyList<ExtractFormat> All { get; } =
    [
        Format(FormatCatalog.SubIcbDaily, "GPAD sub-ICB daily",
            [SubIcbCode, Must("appointment_date"), Must("appt_status"), Must("hcp_type"), Must("appt_mode"), Must("time_between_book_and_appt"),
             Must("count_of_appointments")]),
        Format(FormatCatalog.SubIcbMonthly, "GPAD sub-ICB monthly (Regional CSV)",
            [SubIcbCode, Must("appointment_month"), Must("appt_status"), Must("hcp_type"), Must("appt_mode"), Must("time_between_book_and_appt"),
             Must("count_of_appointments")]),
        Format(FormatCatalog.SubIcbCategory, "GPAD sub-ICB daily national category",
            [SubIcbCode, Must("appointment_date"), Must("service_setting"), Must("context_type"), Must("national_category"), Must("count_of_appointments")]),
        Format(FormatCatalog.SubIcbDuration, "GPAD sub-ICB daily actual duration",
            [SubIcbCode, Must("appointment_date"), Must("actual_duration"), Must("count_of_appointments")]),
    ];

    private static ExtractFormat Format(string id, string layout, IReadOnlyList<ColumnSpec> columns) =>
        new(id, layout, columns) { LoadOrder = 2, Loader = () => new SubIcbAppointmentsLoader(), Scripts = Grain.Scripts };
}
