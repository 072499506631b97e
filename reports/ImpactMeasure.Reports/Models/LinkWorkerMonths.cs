namespace ImpactMeasure.Reports.Models;

/// <summary>The impact models' data: each practice-month of the window with GP appointments per 1,000 registered
/// patients and the practice's link-worker start (the first month with link-worker events there) as a month index.</summary>
public static class LinkWorkerMonths
{
    public static async Task<IReadOnlyList<PracticeMonth>> LoadAsync(ImpactMeasure.Warehouse.Warehouse warehouse, ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(window);
        await using var connection = await warehouse.OpenConnectionAsync();
        var rows = await ReportQueries.RunAsync(connection, ReportQueries.PracticeMonths, window);
        var starts = (await ReportQueries.RunAsync(connection, ReportQueries.RoleStarts, window))
            .Where(r => r.Text("role_code") == Metrics.SocialPrescribingMetrics.LinkWorker)
            .GroupBy(r => r.Text("practice_code")).ToDictionary(g => g.Key, g => g.Min(r => r.Date("first_month")), StringComparer.Ordinal);
        int Index(DateOnly month) => ((month.Year - window.FirstMonth.Year) * 12) + month.Month - window.FirstMonth.Month + 1;
        return rows.Where(r => r.Number("gp_appointments") is > 0 && r.Number("registered_patients") is > 0).Select(r =>
        {
            var month = r.Date("month_start_date");
            int? start = starts.TryGetValue(r.Text("practice_code"), out var s) ? Index(s) : null;
            return new PracticeMonth(r.Text("practice_code"), Index(month), month.Month, r.Number("gp_appointments")!.Value * 1000 / r.Number("registered_patients")!.Value, start);
        }).ToList();
    }
}
