using ImpactMeasure.Reports.Disclosure;
using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Reports.Statistics;

namespace ImpactMeasure.Reports.Equity;

/// <summary>A rate's slope and relative index of inequality across the five deprivation quintiles (phe_sii, value
/// type proportion, not transformed): the gap from the most to the least deprived along the fitted line, weighted by
/// each quintile's denominator (referrals with a decision; signposting events for diversion). Computed from the quintiles' counts, so hidden with any of them.</summary>
public sealed record InequalityRow(string Measure, IReadOnlyList<EquityRow> Quintiles, Func<EquityRow, long> Numerator, InequalityIndex? Index)
{
    public IEnumerable<(CellKey Key, long Value)> Basis() => Quintiles.SelectMany(q => new[]
    {
        (q.At(Measure == "diversion_rate" ? MeasureNames.Signposted : MeasureNames.WithDecision), DenominatorOf(Measure)(q)),
        (q.At(Measure switch { "acceptance_rate" => MeasureNames.AcceptedByService, "diversion_rate" => MeasureNames.Diverted, _ => MeasureNames.RejectedInappropriate }),
            Numerator(q)),
    });

    /// <summary>A rate's denominator: signposting events for diversion, else referrals with a service decision.</summary>
    public static Func<EquityRow, long> DenominatorOf(string measure) => measure == "diversion_rate" ? q => q.Signposted : q => q.WithDecision;

    public static readonly Column<InequalityRow> MeasureColumn = Column.Text<InequalityRow>("measure", r => r.Measure);
    public static readonly Column<InequalityRow> Sii = Figure("sii", i => i.Sii);
    public static readonly Column<InequalityRow> SiiLower = Figure("sii_lower_95", i => i.Limits[0].SiiLower);
    public static readonly Column<InequalityRow> SiiUpper = Figure("sii_upper_95", i => i.Limits[0].SiiUpper);
    public static readonly Column<InequalityRow> Rii = Figure("rii", i => i.Rii);
    public static readonly Column<InequalityRow> RiiLower = Figure("rii_lower_95", i => i.Limits[0].RiiLower);
    public static readonly Column<InequalityRow> RiiUpper = Figure("rii_upper_95", i => i.Limits[0].RiiUpper);

    public static IReadOnlyList<Column<InequalityRow>> Columns { get; } = [MeasureColumn, Sii, SiiLower, SiiUpper, Rii, RiiLower, RiiUpper];

    private static Column<InequalityRow> Figure(string name, Func<InequalityIndex, double> value) =>
        Column.Derived<InequalityRow>(name, r => r.Index is { } i ? value(i) : null, "0.000", r => r.Basis());
}
