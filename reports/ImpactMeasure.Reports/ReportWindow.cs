using System.Globalization;

namespace ImpactMeasure.Reports;

/// <summary>The months a report covers (ending with the report period) and the area it is for (an ICB, sub-ICB,
/// PCN or practice code; null for everything in the warehouse).</summary>
public sealed record ReportWindow(DateOnly FirstMonth, DateOnly LastMonth, string? Area)
{
    public static ReportWindow Ending(DateOnly period, int months, string? area)
    {
        if (months < 1)
            throw new ArgumentOutOfRangeException(nameof(months), "a report covers at least one month");
        var last = new DateOnly(period.Year, period.Month, 1);
        return new ReportWindow(last.AddMonths(1 - months), last, string.IsNullOrWhiteSpace(area) ? null : area.Trim());
    }

    public DateOnly Start => FirstMonth;

    public DateOnly End => LastMonth.AddMonths(1).AddDays(-1);

    /// <summary>How many months the window covers.</summary>
    public int Months => ((LastMonth.Year - FirstMonth.Year) * 12) + LastMonth.Month - FirstMonth.Month + 1;

    /// <summary>The window's address in a release: <c>YYYY-MM</c> for one month, else <c>YYYY-MM..YYYY-MM</c>.</summary>
    public string Key => FirstMonth == LastMonth ? MonthKey(FirstMonth) : $"{MonthKey(FirstMonth)}..{MonthKey(LastMonth)}";

    public static string MonthKey(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Set when the report was asked for despite an incomplete month (<c>--allow-incomplete</c>): why.</summary>
    public string? Incomplete { get; init; }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{FirstMonth:MMM yyyy}{(FirstMonth == LastMonth ? "" : $" to {LastMonth:MMM yyyy}")}, {(Area is null ? "all areas" : $"area {Area}")}")
        + (Incomplete is null ? "" : $"; PROVISIONAL, INCOMPLETE DATA: {Incomplete}: every figure is provisional");
}
