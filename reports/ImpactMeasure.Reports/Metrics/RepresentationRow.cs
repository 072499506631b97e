using ImpactMeasure.Reports.Disclosure;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>One row of <c>representation</c>: the re-presentation rate observed, assumed, or one sensitivity rate.</summary>
public sealed record RepresentationRow(string Source, string Window, long Diverted, long? Represented, Proportion Rate, string Note)
{
    public CellKey At(string measure) => CellKey.Total(measure, Window);

    public static readonly Column<RepresentationRow> SourceColumn = Column.Text<RepresentationRow>("source", r => r.Source);
    public static readonly Column<RepresentationRow> DivertedColumn = Column.Count<RepresentationRow>("diverted", r => r.Diverted, r => r.At(MeasureNames.Diverted));
    public static readonly Column<RepresentationRow> RepresentedColumn = Column.Count<RepresentationRow>("represented", r => r.Represented, r => r.At(MeasureNames.Represented));
    public static readonly Column<RepresentationRow> RateColumn = RateOf("representation_rate", p => p.Value);
    public static readonly Column<RepresentationRow> LowerColumn = RateOf("rate_lower_95", p => p.Lower);
    public static readonly Column<RepresentationRow> UpperColumn = RateOf("rate_upper_95", p => p.Upper);
    public static readonly Column<RepresentationRow> NoteColumn = Column.Text<RepresentationRow>("note", r => r.Note);

    // An assumed or sensitivity rate has no re-presented count: it is published as configured.
    private static Column<RepresentationRow> RateOf(string name, Func<Proportion, double?> part) => Column.Recomputed(
        Column.Derived<RepresentationRow>(name, r => part(r.Rate), "0.000", DivertedColumn, RepresentedColumn),
        (r, count) => r.Represented is null ? part(r.Rate) : part(Proportion.Of(count(RepresentedColumn), count(DivertedColumn), r.Rate.Confidence)));

    public static IReadOnlyList<Column<RepresentationRow>> Columns { get; } = [SourceColumn, DivertedColumn, RepresentedColumn, RateColumn, LowerColumn, UpperColumn, NoteColumn];
}
