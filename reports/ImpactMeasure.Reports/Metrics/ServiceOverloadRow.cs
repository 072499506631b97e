using ImpactMeasure.Reports.Disclosure;
using ImpactMeasure.Reports.Spc;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>One row of <c>service_overload</c>: a service's capacity rejections in one month with its p-chart point, its
/// rate over the window against its category's funnel, and the flag with its reason.</summary>
public sealed record ServiceOverloadRow(string ServiceCode, string ServiceName, string Category, string Month, long WithDecision, long RejectedCapacity, PPoint Point,
    string Chart, string Window, long WindowRejected, long WindowDecisions, double? CategoryRate, double? FunnelUpper, string PossiblyOverloaded)
{
    public CellKey At(string measure) => new(measure, CellKey.All, ServiceCode, Month, CellKey.All, CellKey.All, CellKey.All);

    public CellKey OverWindow(string measure) => new(measure, CellKey.All, ServiceCode, Window, CellKey.All, CellKey.All, CellKey.All);

    public static readonly Column<ServiceOverloadRow> ServiceCodeColumn = Column.Text<ServiceOverloadRow>("service_code", r => r.ServiceCode);
    public static readonly Column<ServiceOverloadRow> ServiceNameColumn = Column.Text<ServiceOverloadRow>("service_name", r => r.ServiceName);
    public static readonly Column<ServiceOverloadRow> CategoryColumn = Column.Text<ServiceOverloadRow>("category", r => r.Category);
    public static readonly Column<ServiceOverloadRow> MonthColumn = Column.Text<ServiceOverloadRow>("month", r => r.Month);
    public static readonly Column<ServiceOverloadRow> WithDecisionColumn = Column.Count<ServiceOverloadRow>("with_service_decision", r => r.WithDecision, r => r.At(MeasureNames.WithDecision));
    public static readonly Column<ServiceOverloadRow> RejectedCapacityColumn = Column.Count<ServiceOverloadRow>("rejected_capacity", r => r.RejectedCapacity, r => r.At(MeasureNames.RejectedCapacity));
    public static readonly Column<ServiceOverloadRow> RateColumn = Column.Rate<ServiceOverloadRow>("capacity_rejection_rate",
        r => Proportion.Of(r.RejectedCapacity, r.WithDecision, 0.95), p => p.Value, RejectedCapacityColumn, WithDecisionColumn);
    public static readonly Column<ServiceOverloadRow> ChartColumn = Column.Text<ServiceOverloadRow>("chart", r => r.Chart);
    public static readonly Column<ServiceOverloadRow> CentreColumn = Spc("centre_line", r => r.Point.CentreLine);
    public static readonly Column<ServiceOverloadRow> LowerColumn = Spc("lower_limit", r => r.Point.LowerLimit);
    public static readonly Column<ServiceOverloadRow> UpperColumn = Spc("upper_limit", r => r.Point.UpperLimit);
    public static readonly Column<ServiceOverloadRow> JudgedColumn = Column.Text<ServiceOverloadRow>("judged", r => r.Point.Judged ? "yes" : "no: too few decisions");
    public static readonly Column<ServiceOverloadRow> SpecialCauseColumn = Column.Text<ServiceOverloadRow>("special_cause",
        r => r.Point.Side > 0 ? "Above UCL" : r.Point.Side < 0 ? "Below LCL" : r.Point.Judged ? "Common Cause" : "not judged");
    public static readonly Column<ServiceOverloadRow> VariationColumn = Column.Text<ServiceOverloadRow>("variation",
        r => r.Point.Side > 0 ? "Concern" : r.Point.Side < 0 ? "Improvement" : r.Point.Judged ? "Common cause" : "not judged");
    public static readonly Column<ServiceOverloadRow> WindowDecisionsColumn = Column.Count<ServiceOverloadRow>("window_with_service_decision", r => r.WindowDecisions,
        r => r.OverWindow(MeasureNames.WithDecision));
    public static readonly Column<ServiceOverloadRow> WindowRejectedColumn = Column.Count<ServiceOverloadRow>("window_rejected_capacity", r => r.WindowRejected,
        r => r.OverWindow(MeasureNames.RejectedCapacity));
    public static readonly Column<ServiceOverloadRow> WindowRateColumn = Column.Rate<ServiceOverloadRow>("window_rate",
        r => Proportion.Of(r.WindowRejected, r.WindowDecisions, 0.95), p => p.Value, WindowRejectedColumn, WindowDecisionsColumn);
    public static readonly Column<ServiceOverloadRow> CategoryRateColumn = Column.Plain<ServiceOverloadRow>("category_rate", r => r.CategoryRate, "0.000");
    public static readonly Column<ServiceOverloadRow> FunnelColumn = Column.Derived<ServiceOverloadRow>("funnel_upper_99_8", r => r.FunnelUpper, "0.000",
        WindowDecisionsColumn);
    public static readonly Column<ServiceOverloadRow> FlagColumn = Column.Text<ServiceOverloadRow>("possibly_overloaded", r => r.PossiblyOverloaded);

    public static IReadOnlyList<Column<ServiceOverloadRow>> Columns { get; } =
    [
        ServiceCodeColumn, ServiceNameColumn, CategoryColumn, MonthColumn, WithDecisionColumn, RejectedCapacityColumn, RateColumn, ChartColumn, CentreColumn,
        LowerColumn, UpperColumn, JudgedColumn, SpecialCauseColumn, VariationColumn, WindowDecisionsColumn, WindowRejectedColumn, WindowRateColumn,
        CategoryRateColumn, FunnelColumn, FlagColumn,
    ];

    // The centre and limits come from the service's whole history; they are hidden with the month's counts so that a
    // hidden month never shows a figure computed partly from it.
    private static Column<ServiceOverloadRow> Spc(string name, Func<ServiceOverloadRow, double?> value) =>
        Column.Derived<ServiceOverloadRow>(name, value, "0.000", WithDecisionColumn, RejectedCapacityColumn);
}
