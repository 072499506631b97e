using ImpactMeasure.Reports.Spc;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>METHODS §2/§5: each service's monthly capacity-rejection rate on an XmR chart over the months up to
/// the report period; a month whose point is a special cause on the high side is "possibly overloaded".</summary>
public static class ServiceOverload
{
    public static MetricTable Build(IReadOnlyList<ReportQueries.Row> history, ReportWindow window, MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(parameters);
        var table = new MetricTable("service_overload", "Capacity rejections by service and month, with SPC (possibly overloaded services)",
        [
            new("service_code", ColumnKind.Text), new("service_name", ColumnKind.Text), new("month", ColumnKind.Text),
            new("with_service_decision", ColumnKind.Count), new("rejected_capacity", ColumnKind.Count),
            new("capacity_rejection_rate", ColumnKind.Derived, "0.0000", "rejected_capacity", "with_service_decision"),
            new("spc_mean", ColumnKind.Plain, "0.0000"), new("spc_lower_limit", ColumnKind.Plain, "0.0000"), new("spc_upper_limit", ColumnKind.Plain, "0.0000"),
            new("special_cause", ColumnKind.Text), new("variation", ColumnKind.Text), new("possibly_overloaded", ColumnKind.Text),
        ], ["month"]);
        var options = new XmrOptions { ScreenOutliers = parameters.SpcScreenOutliers, RunLength = parameters.SpcRunLength, Direction = ImprovementDirection.Decrease };
        foreach (var service in history.GroupBy(r => (Code: r.Text("service_code"), Name: r.Text("service_name"))).OrderBy(g => g.Key.Code, StringComparer.Ordinal))
        {
            var months = service.GroupBy(r => r.Date("month_start_date")).OrderBy(g => g.Key)
                .Select(g => (Month: g.Key, Counts: OutcomeCounts.Sum(g))).Where(m => m.Counts.WithDecision > 0).ToList();
            if (months.Count == 0)
                continue;
            var chart = XmrChart.Calculate(months.Select(m => (m.Month, (double)m.Counts.RejectedCapacity / m.Counts.WithDecision)).ToList(), options);
            for (var i = 0; i < months.Count; i++)
            {
                if (months[i].Month < window.FirstMonth || months[i].Month > window.LastMonth)
                    continue;
                var point = chart[i];
                var overloaded = point.PointType == "special_cause_concern";
                table.Add(service.Key.Code, service.Key.Name, months[i].Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
                    months[i].Counts.WithDecision, months[i].Counts.RejectedCapacity, point.Y, point.Mean, point.LowerLimit, point.UpperLimit,
                    point.SpecialCauseType, Variation(point.PointType), overloaded ? "possibly overloaded" : "no");
            }
        }
        return table;
    }

    /// <summary>The Making Data Count variation word for a point type.</summary>
    public static string Variation(string pointType) => pointType switch
    {
        "special_cause_improvement" => "Improvement",
        "special_cause_concern" => "Concern",
        "special_cause_neutral_high" => "Neutral (high)",
        "special_cause_neutral_low" => "Neutral (low)",
        _ => "Common cause",
    };
}
