using ImpactMeasure.Reports.Disclosure;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>One row of <c>freed_gp_time</c>: care navigation's freed GP appointments for the area, a PCN or a practice,
/// under one rate for events whose re-presentation was not observed (<see cref="UnobservedRate"/>: assumed, a
/// sensitivity rate, or null when every event that could free an appointment was followed up).</summary>
public sealed record FreedGpTimeRow(string Breakdown, string Code, string Name, string Window, FollowUpCounts Counts, double? UnobservedRate,
    double? RepresentationRate, string RateSource, double? FreedLow, double? FreedCentral, double? FreedHigh, double? FreedLower95,
    double? FreedUpper95, double? MinutesLow, double? MinutesCentral, double? MinutesHigh, double? SessionsCentral, double? CostCentralGbp,
    string IntervalMethod, double MinutesPerAppointment, double Confidence, string Note)
{
    public CellKey At(string measure) => new(measure, CellKey.GeoOf(Breakdown, Code), CellKey.All, Window, CellKey.All, CellKey.All, CellKey.All);
}
