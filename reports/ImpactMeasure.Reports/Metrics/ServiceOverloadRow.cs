using ImpactMeasure.Reports.Disclosure;
using ImpactMeasure.Reports.Spc;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>One row of <c>service_overload</c>: a service's capacity rejections in one month with its SPC point.</summary>
public sealed record ServiceOverloadRow(string ServiceCode, string ServiceName, string Month, long WithDecision, long RejectedCapacity, XmrPoint Point,
    string PossiblyOverloaded)
{
    public CellKey At(string measure) => new(measure, CellKey.All, ServiceCode, Month, CellKey.All, CellKey.All, CellKey.All);

    public static readonly Column<ServiceOverloadRow> ServiceCodeColumn = Column.Text<ServiceOverloadRow>("service_code", r => r.ServiceCode);
    public static readonly Column<ServiceOverloadRow> ServiceNameColumn = Column.Text<ServiceOverloadRow>("service_name", r => r.ServiceName);
    public static readonly Column<ServiceOverloadRow> MonthColumn = Column.Text<ServiceOverloadRow>("month", r => r.Month);
    public static readonly Column<ServiceOverloadRow> WithDecisionColumn = Column.Count<ServiceOverloadRow>("with_service_decision", r => r.WithDecision, r => r.At(MeasureNames.WithDecision));
    public static readonly Column<ServiceOverloadRow> RejectedCapacityColumn = Column.Count<ServiceOverloadRow>("rejected_capacity", r => r.RejectedCapacity, r => r.At(MeasureNames.RejectedCapacity));
    public static readonly Column<ServiceOverloadRow> RateColumn = Spc("capacity_rejection_rate", r => r.Point.Y);
    public static readonly Column<ServiceOverloadRow> MeanColumn = Spc("spc_mean", r => r.Point.Mean);
    public static readonly Column<ServiceOverloadRow> LowerColumn = Spc("spc_lower_limit", r => r.Point.LowerLimit);
    public static readonly Column<ServiceOverloadRow> UpperColumn = Spc("spc_upper_limit", r => r.Point.UpperLimit);
    public static readonly Column<ServiceOverloadRow> SpecialCauseColumn = Column.Text<ServiceOverloadRow>("special_cause", r => r.Point.SpecialCauseType);
    public static readonly Column<ServiceOverloadRow> VariationColumn = Column.Text<ServiceOverloadRow>("variation", r => ServiceOverload.Variation(r.Point.PointType));
    public static readonly Column<ServiceOverloadRow> FlagColumn = Column.Text<ServiceOverloadRow>("possibly_overloaded", r => r.PossiblyOverloaded);

    public static IReadOnlyList<Column<ServiceOverloadRow>> Columns { get; } =
    [
        ServiceCodeColumn, ServiceNameColumn, MonthColumn, WithDecisionColumn, RejectedCapacityColumn, RateColumn, MeanColumn, LowerColumn, UpperColumn,
        SpecialCauseColumn, VariationColumn, FlagColumn,
    ];

    // The mean and limits come from the service's whole history; they are hidden with the month's counts so that a
    // hidden month never shows a figure computed partly from it.
    private static Column<ServiceOverloadRow> Spc(string name, Func<ServiceOverloadRow, double?> value) =>
        Column.Derived<ServiceOverloadRow>(name, value, "0.000", WithDecisionColumn, RejectedCapacityColumn);
}
