using System.Globalization;

namespace ImpactMeasure.Warehouse.Calendar;

/// <summary>The rows of <c>dim_date</c>: one per day from <see cref="First"/> to <see cref="Last"/>.</summary>
public static class DateDimension
{
    public static readonly DateOnly First = new(2015, 1, 1);
    public static readonly DateOnly Last = new(2035, 12, 31);

    /// <summary>The yyyymmdd surrogate key of a date.</summary>
    public static int KeyOf(DateOnly date) => (date.Year * 10000) + (date.Month * 100) + date.Day;

    /// <summary>Every day of the range in order, with its attributes.</summary>
    public static IEnumerable<DateRow> Rows()
    {
        for (var year = First.Year; year <= Last.Year; year++)
        {
            var holidays = EnglandAndWalesBankHolidays.For(year);
            for (var date = new DateOnly(year, 1, 1); date.Year == year; date = date.AddDays(1))
                yield return RowFor(date, holidays.GetValueOrDefault(date));
        }
    }

    private static DateRow RowFor(DateOnly date, string? holiday)
    {
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var fyStart = date.Month >= 4 ? date.Year : date.Year - 1;
        var asDateTime = date.ToDateTime(TimeOnly.MinValue);
        var monthStart = new DateOnly(date.Year, date.Month, 1);
        return new DateRow(
            KeyOf(date),
            date,
            date.Year,
            date.Month,
            CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(date.Month),
            monthStart,
            KeyOf(monthStart),
            date.Day,
            date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek,
            date.DayOfWeek.ToString(),
            ISOWeek.GetYear(asDateTime),
            ISOWeek.GetWeekOfYear(asDateTime),
            $"{fyStart}/{(fyStart + 1) % 100:00}",
            fyStart,
            ((date.Month + 8) % 12 / 3) + 1,
            weekend,
            holiday is not null,
            holiday,
            !weekend && holiday is null);
    }
}
