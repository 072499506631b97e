using ImpactMeasure.Warehouse.Calendar;

namespace ImpactMeasure.Warehouse.Tests;

public class BankHolidayTests
{
    // As published for England and Wales.
    [Theory]
    [InlineData(2019, "2019-01-01 2019-04-19 2019-04-22 2019-05-06 2019-05-27 2019-08-26 2019-12-25 2019-12-26")]
    [InlineData(2020, "2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28")]
    [InlineData(2021, "2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 2021-12-28")]
    [InlineData(2022, "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-26 2022-12-27")]
    [InlineData(2023, "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 2023-12-25 2023-12-26")]
    [InlineData(2024, "2024-01-01 2024-03-29 2024-04-01 2024-05-06 2024-05-27 2024-08-26 2024-12-25 2024-12-26")]
    [InlineData(2026, "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28")]
    public void Each_year_has_the_published_holidays(int year, string expected)
    {
        var dates = EnglandAndWalesBankHolidays.For(year).Keys.Order().Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        string.Join(' ', dates).Should().Be(expected);
    }

    [Theory]
    [InlineData(2015, "2015-04-05")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2035, "2035-03-25")]
    public void Easter_sunday_is_computed(int year, string expected) =>
        EnglandAndWalesBankHolidays.EasterSunday(year).Should().Be(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void The_date_dimension_covers_2015_to_2035_one_row_a_day()
    {
        var rows = DateDimension.Rows().ToList();

        rows.Should().HaveCount(7670);
        rows[0].CalendarDate.Should().Be(new DateOnly(2015, 1, 1));
        rows[^1].CalendarDate.Should().Be(new DateOnly(2035, 12, 31));
        rows.Select(r => r.DateKey).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData("2025-03-31", "2024/25", 4)]
    [InlineData("2025-04-01", "2025/26", 1)]
    [InlineData("2025-07-01", "2025/26", 2)]
    [InlineData("2025-12-31", "2025/26", 3)]
    [InlineData("2026-01-01", "2025/26", 4)]
    [InlineData("2099-06-01", null, 0)]
    public void Financial_year_and_quarter_run_april_to_march(string date, string? year, int quarter)
    {
        var row = DateDimension.Rows().SingleOrDefault(r => r.CalendarDate == DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        if (year is null)
        {
            row.Should().BeNull();
            return;
        }
        row!.NhsFinancialYear.Should().Be(year);
        row.NhsQuarter.Should().Be(quarter);
    }

    [Fact]
    public void Iso_weeks_cross_the_year_boundary()
    {
        var day = DateDimension.Rows().Single(r => r.CalendarDate == new DateOnly(2021, 1, 1));

        (day.IsoYear, day.IsoWeek, day.DayOfWeek, day.DayName).Should().Be((2020, 53, 5, "Friday"));
    }
}
