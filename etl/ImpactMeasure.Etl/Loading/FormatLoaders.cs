using ImpactMeasure.Etl.Formats;

namespace ImpactMeasure.Etl.Loading;

/// <summary>The loader for each format id.</summary>
public static class FormatLoaders
{
    public static IFormatLoader For(string formatId) => formatId switch
    {
        FormatCatalog.PracticeCrosstab => new PracticeCrosstabLoader(),
        FormatCatalog.SubIcbDaily or FormatCatalog.SubIcbMonthly or FormatCatalog.SubIcbCategory or FormatCatalog.SubIcbDuration => new SubIcbAppointmentsLoader(),
        FormatCatalog.Coverage => new CoverageLoader(),
        FormatCatalog.PracticeMapping => new PracticeMappingLoader(),
        FormatCatalog.ListSize => new ListSizeLoader(),
        FormatCatalog.Signposting => new SignpostingLoader(),
        FormatCatalog.Wellbeing => new WellbeingLoader(),
        FormatCatalog.PatientAppointments => new PatientAppointmentsLoader(),
        _ => throw new ArgumentOutOfRangeException(nameof(formatId), formatId, "no loader for this format"),
    };
}
