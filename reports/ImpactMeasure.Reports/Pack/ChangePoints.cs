namespace ImpactMeasure.Reports.Pack;

/// <summary>The known change points of an area's monthly series (METHODS §5), from the data: the month the first of
/// its practices started a role and the month the last one did (the roll-out complete). SPC limits are
/// recalculated at each, so the months before a role, its roll-out and the time after it each get their own
/// baseline, rather than one set of limits that makes every roll-out month "Concern" and every later one
/// "Improvement". A start on or before the series' first month is no change within it.</summary>
public static class ChangePoints
{
    public static IReadOnlyList<DateOnly> Of(IEnumerable<ReportQueries.Row> starts, string role, DateOnly firstMonth, DateOnly lastMonth)
    {
        ArgumentNullException.ThrowIfNull(starts);
        var months = starts.Where(s => s.Text("role_code") == role).Select(s => s.Date("first_month")).ToList();
        if (months.Count == 0)
            return [];
        return new[] { months.Min(), months.Max() }.Distinct().Where(m => m > firstMonth && m <= lastMonth).Order().ToList();
    }
}
