using ImpactMeasure.Reports.Spc;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>METHODS §2/§5: each service's monthly capacity-rejection rate on an XmR chart over the months up to
/// the report period; a month whose point is a special cause on the high side is "possibly overloaded".</summary>
public static class ServiceOverload
{
    public static MetricTable<ServiceOverloadRow> Build(IReadOnlyList<ReportQueries.Row> history, ReportWindow window, MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(parameters);
        var rows = new List<ServiceOverloadRow>();
        var options = new XmrOptions { ScreenOutliers = parameters.SpcScreenOutliers, RunLength = parameters.SpcRunLength, Direction = ImprovementDirection.Decrease };
        foreach (var service in history.GroupBy(r => r.Text("service_code")).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var name = service.Max(r => r.Text("service_name"))!;
            var months = service.GroupBy(r => r.Date("month_start_date")).OrderBy(g => g.Key)
                .Select(g => (Month: g.Key, Counts: OutcomeCounts.Sum(g))).Where(m => m.Counts.WithDecision > 0).ToList();
            if (months.Count == 0)
                continue;
            var chart = XmrChart.Calculate(months.Select(m => (m.Month, (double)m.Counts.RejectedCapacity / m.Counts.WithDecision)).ToList(), options);
            for (var i = 0; i < months.Count; i++)
            {
                if (months[i].Month < window.FirstMonth || months[i].Month > window.LastMonth)
                    continue;
                var overloaded = chart[i].PointType == "special_cause_concern";
                rows.Add(new ServiceOverloadRow(service.Key, name, ReportWindow.MonthKey(months[i].Month), months[i].Counts.WithDecision,
                    months[i].Counts.RejectedCapacity, chart[i], overloaded ? "possibly overloaded" : "no"));
            }
        }
        return new MetricTable<ServiceOverloadRow>("service_overload", "Capacity rejections by service and month, with SPC (possibly overloaded services)",
            ServiceOverloadRow.Columns, rows);
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
