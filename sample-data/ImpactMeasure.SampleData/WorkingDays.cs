using System.Collections.Concurrent;
using ImpactMeasure.Warehouse.Calendar;

namespace ImpactMeasure.SampleData;

/// <summary>Working days in England: not a weekend, not a bank holiday (holidays cached per year).</summary>
public static class WorkingDays
{
    private static readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, string>> Holidays = new();

    public static bool IsHoliday(DateOnly day) => Holidays.GetOrAdd(day.Year, EnglandAndWalesBankHolidays.For).ContainsKey(day);

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(day);

    public static IEnumerable<DateOnly> In(DateOnly month) =>
        Enumerable.Range(0, DateTime.DaysInMonth(month.Year, month.Month)).Select(month.AddDays).Where(IsWorkingDay);
}
