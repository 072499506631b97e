using CoverageFormat = ImpactMeasure.Etl.Formats.Coverage.CoverageFormat;
using CrosstabFormat = ImpactMeasure.Etl.Formats.Crosstab.CrosstabFormat;
using ListSizeFormat = ImpactMeasure.Etl.Formats.ListSize.ListSizeFormat;
using PatientAppointmentsFormat = ImpactMeasure.Etl.Formats.PatientAppointments.PatientAppointmentsFormat;
using RegisteredPatientsFormat = ImpactMeasure.Etl.Formats.RegisteredPatients.RegisteredPatientsFormat;
using PracticeMapFormats = ImpactMeasure.Etl.Formats.PracticeMap.PracticeMapFormats;
using SignpostingFormat = ImpactMeasure.Etl.Formats.Signposting.SignpostingFormat;
using SubIcbFormats = ImpactMeasure.Etl.Formats.SubIcb.SubIcbFormats;
using WellbeingFormat = ImpactMeasure.Etl.Formats.Wellbeing.WellbeingFormat;

namespace ImpactMeasure.Etl.Formats;

/// <summary>The ids of the extract formats ImpactMeasure reads (EXTRACTS.md) and the one list that registers them.</summary>
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
    public const string RegisteredPatients = "registered-patients";

    /// <summary>Every format, registered here once: each is defined in its own folder beside its loader and SQL.</summary>
    public static IReadOnlyList<ExtractFormat> All { get; } =
    [
        .. PracticeMapFormats.All,
        ListSizeFormat.Spec,
        CrosstabFormat.Spec,
        .. SubIcbFormats.All,
        CoverageFormat.Spec,
        SignpostingFormat.Spec,
        WellbeingFormat.Spec,
        PatientAppointmentsFormat.Spec,
        RegisteredPatientsFormat.Spec,
    ];

    /// <summary>Header names compare case-insensitively, ignoring surrounding spaces and a BOM.</summary>
    public static string Normalise(string header) => header.Trim().TrimStart('\uFEFF').Trim().ToLowerInvariant();
}
