using ImpactMeasure.Reports.Spc;
using ImpactMeasure.Reports.Statistics;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>METHODS §2/§5 "possibly overloaded": each service's monthly capacity-rejection rate on a p-chart (Laney's
/// p′ where overdispersed) over the months up to the report period, starting at the service's first month; months
/// with fewer than <c>spc_min_denominator</c> service decisions are shown but never judged. A service is flagged
/// "rising" in a month that is a special cause on the high side, and "persistently high" when its rate over the
/// window is above the 99.8% funnel limit of all services of its category.</summary>
public static class ServiceOverload
{
    public const string Rising = "rising";
    public const string PersistentlyHigh = "persistently high";
    public const string No = "no";

    public static MetricTable<ServiceOverloadRow> Build(IReadOnlyList<ReportQueries.Row> history, ReportWindow window, MethodParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(parameters);
        var services = history.GroupBy(r => r.Text("service_code")).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new Service(g.Key,
            g.Max(r => r.Text("service_name"))!, g.Max(r => r.Text("category_code"))!,
            g.GroupBy(r => r.Date("month_start_date")).OrderBy(m => m.Key).Select(m => (Month: m.Key, Counts: OutcomeCounts.Sum(m)))
                .Where(m => m.Counts.WithDecision > 0).ToList())).Where(s => s.Months.Count > 0).ToList();
        var inWindow = (DateOnly m) => m >= window.FirstMonth && m <= window.LastMonth;
        var funnel = services.GroupBy(s => s.Category).ToDictionary(c => c.Key, c =>
        {
            var (x, n) = (c.Sum(s => s.Months.Where(m => inWindow(m.Month)).Sum(m => m.Counts.RejectedCapacity)), c.Sum(s => s.Months.Where(m => inWindow(m.Month)).Sum(m => m.Counts.WithDecision)));
            return n == 0 ? (double?)null : (double)x / n;
        });
        var rows = new List<ServiceOverloadRow>();
        foreach (var service in services)
        {
            var chart = PChart.Choose(service.Months.Select(m => (m.Counts.RejectedCapacity, m.Counts.WithDecision)).ToList(), parameters.SpcMinDenominator,
                baselinePoints: parameters.SpcBaselineMonths);
            var windowMonths = service.Months.Where(m => inWindow(m.Month)).ToList();
            var (x, n) = (windowMonths.Sum(m => m.Counts.RejectedCapacity), windowMonths.Sum(m => m.Counts.WithDecision));
            var target = funnel[service.Category];
            double? upper = n == 0 || target is null ? null : PheFunnel.ProportionLimits(target.Value, n, 0.998).Upper;
            var persistentlyHigh = upper is { } u && (double)x / n > u;
            for (var i = 0; i < service.Months.Count; i++)
            {
                var (month, counts) = service.Months[i];
                if (!inWindow(month))
                    continue;
                var point = chart[i];
                var flags = new[] { point.Side > 0 ? Rising : null, persistentlyHigh ? PersistentlyHigh : null }.OfType<string>().ToList();
                rows.Add(new ServiceOverloadRow(service.Code, service.Name, service.Category, ReportWindow.MonthKey(month), counts.WithDecision, counts.RejectedCapacity,
                    point, chart.Any(p => p.SigmaZ != 1) ? "Laney p′-chart" : "p-chart", window.Key, x, n, target, upper, flags.Count == 0 ? No : string.Join("; ", flags)));
            }
        }
        return new MetricTable<ServiceOverloadRow>("service_overload", "Capacity rejections by service and month, with SPC (possibly overloaded services)",
            ServiceOverloadRow.Columns, rows)
        {
            Methods =
            [
                $"chart: p-chart of each service's monthly capacity-rejection rate from its first month, centre and limits from its first {parameters.SpcBaselineMonths} judged months (Laney p′ where their z-scores are overdispersed, qicharts2's definitions); months with fewer than {parameters.SpcMinDenominator} service decisions are shown but not judged",
                "possibly overloaded: \"rising\" = a month above the upper limit; \"persistently high\" = the service's rate over the window above the 99.8% funnel limit around its category's rate (PHE's Wilson-based limits)",
            ],
        };
    }

    private sealed record Service(string Code, string Name, string Category, List<(DateOnly Month, OutcomeCounts Counts)> Months);

    /// <summary>Whether a flag says the service is possibly overloaded.</summary>
    public static bool IsFlagged(string flag) => flag != No;

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
