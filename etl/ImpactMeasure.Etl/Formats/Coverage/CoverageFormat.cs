using static ImpactMeasure.Etl.Formats.ColumnSpec;

namespace ImpactMeasure.Etl.Formats.Coverage;

/// <summary>GPAD coverage (EXTRACTS.md): practices and patients included in the publication per sub-ICB and month.</summary>
public static class CoverageFormat
{
    public static ExtractFormat Spec { get; } = new(FormatCatalog.Coverage, "GPAD coverage",
        [SubIcbCode, Must("appointment_month"), Must("included practices"), Must("open practices"),
         Must("patients registered at included practices"), Must("patients registered at open practices")])
    {
        LoadOrder = 2, Loader = () => new CoverageLoader(),
    };
}
