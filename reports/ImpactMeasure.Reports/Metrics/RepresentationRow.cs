using ImpactMeasure.Reports.Disclosure;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>One row of <c>representation</c>: the re-presentation rate observed, assumed, or one sensitivity rate.</summary>
public sealed record RepresentationRow(string Source, string Window, long Diverted, long? Represented, double? Rate, double? Lower, double? Upper, string Note)
{
    public CellKey At(string measure) => CellKey.Total(measure, Window);

    public static readonly Column<RepresentationRow> SourceColumn = Column.Text<RepresentationRow>("source", r => r.Source);
    public static readonly Column<RepresentationRow> DivertedColumn = Column.Count<RepresentationRow>("diverted", r => r.Diverted, r => r.At(MeasureNames.Diverted));
    public static readonly Column<RepresentationRow> RepresentedColumn = Column.Count<RepresentationRow>("represented", r => r.Represented, r => r.At(MeasureNames.Represented));
    public static readonly Column<RepresentationRow> RateColumn = Column.Derived<RepresentationRow>("representation_rate", r => r.Rate, "0.000", DivertedColumn, RepresentedColumn);
    public static readonly Column<RepresentationRow> LowerColumn = Column.Derived<RepresentationRow>("rate_lower_95", r => r.Lower, "0.000", DivertedColumn, RepresentedColumn);
    public static readonly Column<RepresentationRow> UpperColumn = Column.Derived<RepresentationRow>("rate_upper_95", r => r.Upper, "0.000", DivertedColumn, RepresentedColumn);
    public static readonly Column<RepresentationRow> NoteColumn = Column.Text<RepresentationRow>("note", r => r.Note);

    public static IReadOnlyList<Column<RepresentationRow>> Columns { get; } = [SourceColumn, DivertedColumn, RepresentedColumn, RateColumn, LowerColumn, UpperColumn, NoteColumn];
}
