using ImpactMeasure.Reports.Disclosure;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>The columns of <c>freed_gp_time</c>, each freed figure declaring every count it is computed from.</summary>
public static class FreedGpTimeColumns
{
    public static readonly Column<FreedGpTimeRow> Breakdown = Column.Text<FreedGpTimeRow>("breakdown", r => r.Breakdown);
    public static readonly Column<FreedGpTimeRow> Code = Column.Text<FreedGpTimeRow>("code", r => r.Code);
    public static readonly Column<FreedGpTimeRow> Name = Column.Text<FreedGpTimeRow>("name", r => r.Name);
    public static readonly Column<FreedGpTimeRow> Signposted = Count("signposted", r => r.Counts.Signposted, MeasureNames.Signposted);
    public static readonly Column<FreedGpTimeRow> Diverted = Count("diverted", r => r.Counts.Diverted, MeasureNames.Diverted);
    public static readonly Column<FreedGpTimeRow> NotRequested = Count("diverted_not_requested", r => r.Counts.NotRequested, MeasureNames.NotRequested);
    public static readonly Column<FreedGpTimeRow> RequestedUnknown = Count("requested_blank", r => r.Counts.RequestedUnknown, MeasureNames.RequestedUnknown);
    public static readonly Column<FreedGpTimeRow> Complete = Count("follow_up_complete", r => r.Counts.Complete, MeasureNames.FollowUpComplete);
    public static readonly Column<FreedGpTimeRow> Represented = Count("represented", r => r.Counts.Represented, MeasureNames.Represented);
    public static readonly Column<FreedGpTimeRow> Incomplete = Count("follow_up_incomplete", r => r.Counts.Incomplete, MeasureNames.FollowUpIncomplete);
    public static readonly Column<FreedGpTimeRow> NoPatientLevel = Count("no_patient_level_data", r => r.Counts.NoPatientLevel, MeasureNames.NoPatientLevel);
    public static readonly Column<FreedGpTimeRow> Attended = Count("attended", r => r.Counts.Attended, MeasureNames.NavigationAttended);
    public static readonly Column<FreedGpTimeRow> NoResponse = Count("no_response", r => r.Counts.NoResponse, MeasureNames.NoResponse);
    public static readonly Column<FreedGpTimeRow> RepresentationRate = Column.Recomputed(Central("representation_rate", r => r.RepresentationRate, "0.000"),
        (r, c) => Rounded(r, c).EffectiveRate(r.UnobservedRate));
    public static readonly Column<FreedGpTimeRow> RateSource = Column.Text<FreedGpTimeRow>("rate_source", r => r.RateSource);
    public static readonly Column<FreedGpTimeRow> FreedLow = Column.Recomputed(
        Column.Derived<FreedGpTimeRow>("freed_low", r => r.FreedLow, "0.0", Attended, Complete, Represented, Incomplete, NoPatientLevel), Low);
    public static readonly Column<FreedGpTimeRow> FreedCentral = Column.Recomputed(Central("freed_central", r => r.FreedCentral, "0.0"), FreedFromRounded);
    public static readonly Column<FreedGpTimeRow> FreedHigh = Column.Recomputed(
        Column.Derived<FreedGpTimeRow>("freed_high", r => r.FreedHigh, "0.0", NoResponse, Complete, Represented, Incomplete, NoPatientLevel), High);
    public static readonly Column<FreedGpTimeRow> FreedLower95 = Central("freed_lower_95", r => r.FreedLower95, "0.0");
    public static readonly Column<FreedGpTimeRow> FreedUpper95 = Central("freed_upper_95", r => r.FreedUpper95, "0.0");
    public static readonly Column<FreedGpTimeRow> IntervalMethod = Column.Text<FreedGpTimeRow>("interval_method", r => r.IntervalMethod);
    public static readonly Column<FreedGpTimeRow> MinutesLow = Column.Recomputed(
        Column.Derived<FreedGpTimeRow>("minutes_low", r => r.MinutesLow, "0.0", Attended, Complete, Represented, Incomplete, NoPatientLevel),
        (r, c) => Low(r, c) * r.MinutesPerAppointment);
    public static readonly Column<FreedGpTimeRow> MinutesCentral = Column.Recomputed(Central("minutes_central", r => r.MinutesCentral, "0.0"),
        (r, c) => FreedFromRounded(r, c) * r.MinutesPerAppointment);
    public static readonly Column<FreedGpTimeRow> MinutesHigh = Column.Recomputed(
        Column.Derived<FreedGpTimeRow>("minutes_high", r => r.MinutesHigh, "0.0", NoResponse, Complete, Represented, Incomplete, NoPatientLevel),
        (r, c) => High(r, c) * r.MinutesPerAppointment);
    public static readonly Column<FreedGpTimeRow> SessionsCentral = Column.Recomputed(Central("sessions_central", r => r.SessionsCentral, "0.00"), (r, c) => Scaled(r, c, r.SessionsCentral));
    public static readonly Column<FreedGpTimeRow> CostCentralGbp = Column.Recomputed(Central("cost_central_gbp", r => r.CostCentralGbp, "0"), (r, c) => Scaled(r, c, r.CostCentralGbp));
    public static readonly Column<FreedGpTimeRow> MinutesPerAppointment = Column.Plain<FreedGpTimeRow>("minutes_per_appointment", r => r.MinutesPerAppointment, "0.0");
    public static readonly Column<FreedGpTimeRow> Note = Column.Text<FreedGpTimeRow>("note", r => r.Note);

    public static IReadOnlyList<Column<FreedGpTimeRow>> All { get; } =
    [
        Breakdown, Code, Name, Signposted, Diverted, NotRequested, RequestedUnknown, Complete, Represented, Incomplete, NoPatientLevel, Attended, NoResponse,
        RepresentationRate, RateSource, FreedLow, FreedCentral, FreedHigh, FreedLower95, FreedUpper95, IntervalMethod, MinutesLow, MinutesCentral,
        MinutesHigh, SessionsCentral, CostCentralGbp, MinutesPerAppointment, Note,
    ];

    private static Column<FreedGpTimeRow> Count(string name, Func<FreedGpTimeRow, long?> value, string measure) =>
        Column.Count<FreedGpTimeRow>(name, value, r => r.At(measure));

    // With rounded counts (suppression_rounding) the freed figures are computed again from the published counts; an
    // assumed or sensitivity rate stays as configured.
    private static FollowUpCounts Rounded(FreedGpTimeRow row, Func<Column<FreedGpTimeRow>, long> count) => row.Counts with
    {
        Complete = count(Complete), Represented = count(Represented), Incomplete = count(Incomplete), NoPatientLevel = count(NoPatientLevel),
        Attended = count(Attended), NoResponse = count(NoResponse),
    };

    private static double? Low(FreedGpTimeRow row, Func<Column<FreedGpTimeRow>, long> count)
    {
        var counts = Rounded(row, count);
        return counts.Attended * (1 - counts.UpperRate(row.UnobservedRate, row.Confidence));
    }

    private static double? FreedFromRounded(FreedGpTimeRow row, Func<Column<FreedGpTimeRow>, long> count) => Rounded(row, count).Freed(row.UnobservedRate);

    private static double? High(FreedGpTimeRow row, Func<Column<FreedGpTimeRow>, long> count)
    {
        var counts = Rounded(row, count);
        return (counts.FreeingDiverted + counts.NoResponse) * (1 - counts.EffectiveRate(row.UnobservedRate));
    }

    private static double? Scaled(FreedGpTimeRow row, Func<Column<FreedGpTimeRow>, long> count, double? value) =>
        row.FreedCentral is > 0 ? value * FreedFromRounded(row, count) / row.FreedCentral : value;

    private static Column<FreedGpTimeRow> Central(string name, Func<FreedGpTimeRow, double?> value, string format) =>
        Column.Derived<FreedGpTimeRow>(name, value, format, Complete, Represented, Incomplete, NoPatientLevel);
}
