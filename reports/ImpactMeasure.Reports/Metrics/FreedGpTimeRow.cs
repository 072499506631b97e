using ImpactMeasure.Reports.Disclosure;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>One row of <c>freed_gp_time</c>: care navigation's freed GP appointments for the area, a PCN or a practice.</summary>
public sealed record FreedGpTimeRow(string Breakdown, string Code, string Name, string Window, long Signposted, long Diverted, long Attended, long NoResponse,
    long? Represented, double? RepresentationRate, string RateSource, double? FreedLow, double? FreedCentral, double? FreedHigh, double? FreedLower95,
    double? FreedUpper95, double? MinutesLow, double? MinutesCentral, double? MinutesHigh, double? SessionsCentral, double? CostCentralGbp,
    double MinutesPerAppointment, double Confidence, string Note)
{
    public CellKey At(string measure) => new(measure, CellKey.GeoOf(Breakdown, Code), CellKey.All, Window, CellKey.All, CellKey.All, CellKey.All);
}
