using System.Globalization;
using ImpactMeasure.Reports.Metrics;

namespace ImpactMeasure.Reports.Tests.Outcomes;

/// <summary>rpt_referral_outcomes' grouping sets written out in C#: finer rows (one per event, or a property test's
/// random grain) summed to each breakdown, the columns outside the breakdown left null, as the query returns them.</summary>
internal static class OutcomeRollup
{
    public static readonly string[] Keys =
        ["month_start_date", "practice_code", "practice_name", "pcn_code", "pcn_name", "service_code", "service_name", "category_code", "role_code", "referrer_role_code"];

    public static readonly string[] Counts =
    [
        "referrals", "with_decision", "accepted_by_service", "rejected_capacity", "rejected_inappropriate", "declined_by_patient", "pending", "attended",
        "attended_days_to_outcome", "attended_days_squared",
    ];

    private static readonly (string Breakdown, string[] Columns)[] Sets =
    [
        (OutcomeBreakdown.All, []),
        (OutcomeBreakdown.Service, ["service_code", "service_name", "category_code"]),
        (OutcomeBreakdown.Pcn, ["pcn_code", "pcn_name"]),
        (OutcomeBreakdown.Practice, ["practice_code", "practice_name", "pcn_code"]),
        (OutcomeBreakdown.Month, ["month_start_date"]),
        (OutcomeBreakdown.RoleMonth, ["role_code", "month_start_date"]),
        (OutcomeBreakdown.Role, ["role_code"]),
        (OutcomeBreakdown.RoleReferrer, ["role_code", "referrer_role_code"]),
        (OutcomeBreakdown.RolePcn, ["role_code", "pcn_code", "pcn_name"]),
    ];

    private static readonly Dictionary<string, int> Index =
        new[] { "breakdown" }.Concat(Keys).Concat(Counts).Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);

    public static List<ReportQueries.Row> Of(IReadOnlyList<ReportQueries.Row> rows)
    {
        var result = new List<ReportQueries.Row>();
        foreach (var (breakdown, columns) in Sets)
        {
            foreach (var group in rows.GroupBy(r => string.Join('\u001f', columns.Select(c => Canonical(r, c))), StringComparer.Ordinal))
            {
                var first = group.First();
                var values = new object?[Index.Count];
                values[0] = breakdown;
                foreach (var column in columns)
                    values[Index[column]] = column == "month_start_date" ? first.Date(column) : first.Text(column) is { Length: > 0 } text ? text : null;
                foreach (var count in Counts)
                    values[Index[count]] = group.Sum(r => r.Count(count));
                result.Add(new ReportQueries.Row(Index, values));
            }
        }
        return result;
    }

    /// <summary>One row as text, dates as yyyy-MM-dd, so rows from any engine compare.</summary>
    public static string Canonical(ReportQueries.Row row) =>
        string.Join('|', new[] { row.Text("breakdown") }.Concat(Keys.Select(k => Canonical(row, k))).Concat(Counts.Select(c => row.Count(c).ToString(CultureInfo.InvariantCulture))));

    private static string Canonical(ReportQueries.Row row, string column) =>
        column == "month_start_date" && row.Text(column).Length > 0 ? row.Date(column).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : row.Text(column);
}
