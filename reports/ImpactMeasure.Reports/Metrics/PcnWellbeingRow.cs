using ImpactMeasure.Reports.Disclosure;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>One row of <c>pcn_wellbeing</c>: a PCN's people with both wellbeing scores on one instrument in the
/// wellbeing cohort, and how many of them improved by the instrument's meaningful change.</summary>
public sealed record PcnWellbeingRow(string PcnCode, string PcnName, string Instrument, string Window, long WithBoth, long Improved)
{
    public CellKey At(string measure) => new(measure, CellKey.GeoOf("pcn", PcnCode), CellKey.All, Window, CellKey.All, CellKey.All, Instrument);

    public static readonly Column<PcnWellbeingRow> CodeColumn = Column.Text<PcnWellbeingRow>("pcn_code", r => r.PcnCode);
    public static readonly Column<PcnWellbeingRow> NameColumn = Column.Text<PcnWellbeingRow>("pcn_name", r => r.PcnName);
    public static readonly Column<PcnWellbeingRow> InstrumentColumn = Column.Text<PcnWellbeingRow>("instrument", r => r.Instrument);
    public static readonly Column<PcnWellbeingRow> BothColumn = Column.Count<PcnWellbeingRow>("people_with_both", r => r.WithBoth, r => r.At(MeasureNames.WellbeingBoth));
    public static readonly Column<PcnWellbeingRow> ImprovedColumn = Column.Count<PcnWellbeingRow>("people_improved", r => r.Improved, r => r.At(MeasureNames.WellbeingImproved));

    public static IReadOnlyList<Column<PcnWellbeingRow>> Columns { get; } = [CodeColumn, NameColumn, InstrumentColumn, BothColumn, ImprovedColumn];
}
