using ImpactMeasure.Reports.Disclosure;
using ImpactMeasure.Reports.Metrics;

namespace ImpactMeasure.Reports.Equity;

/// <summary>One group of patients (a deprivation quintile, an age band or a sex) on one wellbeing instrument over the
/// wellbeing cohort: people with both scores and people improved by the instrument's meaningful change, with the
/// improvement rate's Wilson interval. Its counts are cells of the release whose group coordinate names the group and
/// the instrument (<c>imd:1@SWEMWBS</c>), and a family's groups add up to the instrument's totals in wellbeing_change,
/// so disclosure control sees every sum a reader could form.</summary>
public sealed record EquityWellbeingRow(string Family, string Group, string Label, string Instrument, string Window, long WithBoth, long Improved, double Confidence)
{
    public CellKey At(string measure) => new(measure, CellKey.All, CellKey.All, Window, CellKey.All, CellKey.All, GroupKey(Family, Group, Instrument));

    /// <summary>The group coordinate of a patient group's count on one instrument.</summary>
    public static string GroupKey(string family, string group, string instrument) => $"{family}:{group}{InstrumentSeparator}{instrument}";

    public const char InstrumentSeparator = '@';

    public Proportion Improvement => Proportion.Of(Improved, WithBoth, Confidence);

    public static readonly Column<EquityWellbeingRow> BothColumn = Column.Count<EquityWellbeingRow>("people_with_both", r => r.WithBoth, r => r.At(MeasureNames.WellbeingBoth));
    public static readonly Column<EquityWellbeingRow> ImprovedColumn = Column.Count<EquityWellbeingRow>("people_improved", r => r.Improved, r => r.At(MeasureNames.WellbeingImproved));

    public static IReadOnlyList<Column<EquityWellbeingRow>> Columns { get; } =
    [
        Column.Text<EquityWellbeingRow>("breakdown", r => r.Family),
        Column.Text<EquityWellbeingRow>("group", r => r.Label),
        Column.Text<EquityWellbeingRow>("instrument", r => r.Instrument),
        BothColumn,
        ImprovedColumn,
        Part("improvement_rate", p => p.Value),
        Part("improvement_lower_95", p => p.Lower),
        Part("improvement_upper_95", p => p.Upper),
    ];

    private static Column<EquityWellbeingRow> Part(string name, Func<Proportion, double?> part) => Column.Rate(name, r => r.Improvement, part, ImprovedColumn, BothColumn);
}
