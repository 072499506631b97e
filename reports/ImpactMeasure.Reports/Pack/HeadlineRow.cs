using ImpactMeasure.Reports.Disclosure;
using ImpactMeasure.Reports.Metrics;

namespace ImpactMeasure.Reports.Pack;

/// <summary>One row of the pack's headline table: a measure this month, last month and a year ago, with its SPC word.</summary>
public sealed record HeadlineRow(Kpi Kpi, KpiPoint? ThisMonth, KpiPoint? PreviousMonth, KpiPoint? YearAgo, string? Variation, string? SpecialCause,
    string? Assurance = null)
{
    /// <summary>The confidence of the interval (methods.confidence).</summary>
    public double Confidence { get; init; } = 0.95;

    public static readonly Column<HeadlineRow> MeasureColumn = Column.Text<HeadlineRow>("measure", r => r.Kpi.Name);
    public static readonly Column<HeadlineRow> UnitColumn = Column.Text<HeadlineRow>("unit", r => r.Kpi.Unit);
    public static readonly Column<HeadlineRow> ThisMonthColumn = Value("this_month", r => r.ThisMonth);
    public static readonly Column<HeadlineRow> PreviousMonthColumn = Value("previous_month", r => r.PreviousMonth);
    public static readonly Column<HeadlineRow> YearAgoColumn = Value("same_month_last_year", r => r.YearAgo);
    public static readonly Column<HeadlineRow> LowerColumn = KpiColumn.WilsonBound<HeadlineRow>("lower_95", r => r.ThisMonth, r => r.Kpi.IsRate, r => r.Confidence, upper: false);
    public static readonly Column<HeadlineRow> UpperColumn = KpiColumn.WilsonBound<HeadlineRow>("upper_95", r => r.ThisMonth, r => r.Kpi.IsRate, r => r.Confidence, upper: true);
    public static readonly Column<HeadlineRow> VariationColumn = Column.Text<HeadlineRow>("variation", r => r.Variation);
    public static readonly Column<HeadlineRow> SpecialCauseColumn = Column.Text<HeadlineRow>("special_cause", r => r.SpecialCause);
    public static readonly Column<HeadlineRow> AssuranceColumn = Column.Text<HeadlineRow>("assurance", r => r.Assurance);

    public static IReadOnlyList<Column<HeadlineRow>> Columns { get; } =
        [MeasureColumn, UnitColumn, ThisMonthColumn, PreviousMonthColumn, YearAgoColumn, LowerColumn, UpperColumn, VariationColumn, SpecialCauseColumn, AssuranceColumn];

    /// <summary>The Making Data Count assurance words for the current limits against a target.</summary>
    public static string AssuranceWords(XmrPointLimits limits, double? target, Spc.ImprovementDirection direction) =>
        target is not { } t ? "no target configured"
        : Spc.XmrChart.Assurance(limits.Lower, limits.Upper, t, direction) switch
        {
            "consistent_pass" => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Consistently passes the target ({t:0.###})"),
            "consistent_fail" => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Consistently fails the target ({t:0.###})"),
            "inconsistent" => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Hit and miss against the target ({t:0.###})"),
            _ => "no assurance for a measure without a better direction",
        };

    // Rates to 0.1 percentage points; counts are whole numbers, freed appointments (assumed rate) to three places.
    private static Column<HeadlineRow> Value(string name, Func<HeadlineRow, KpiPoint?> point) => KpiColumn.Value(name, point);
}

/// <summary>The control limits that assurance is judged against (the latest phase's).</summary>
public readonly record struct XmrPointLimits(double Lower, double Upper);
