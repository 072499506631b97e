using System.Data.Common;
using ImpactMeasure.Warehouse.Bulk;
using ImpactMeasure.Warehouse.Calendar;

namespace ImpactMeasure.Warehouse.Migrations;

/// <summary>Fills <c>dim_date</c> from <see cref="DateDimension"/>: Easter and substitute days are
/// clearer in tested C# than in SQL that must run on two engines.</summary>
public sealed class DateDimensionMigration : Migration
{
    private static readonly BulkColumn[] Columns =
    [
        new("date_key", BulkColumnType.Integer),
        new("calendar_date", BulkColumnType.Date),
        new("year_number", BulkColumnType.Integer),
        new("month_number", BulkColumnType.Integer),
        new("month_name", BulkColumnType.Text),
        new("month_start_date", BulkColumnType.Date),
        new("month_start_key", BulkColumnType.Integer),
        new("day_of_month", BulkColumnType.Integer),
        new("day_of_week", BulkColumnType.Integer),
        new("day_name", BulkColumnType.Text),
        new("iso_year", BulkColumnType.Integer),
        new("iso_week", BulkColumnType.Integer),
        new("nhs_financial_year", BulkColumnType.Text),
        new("nhs_financial_year_start", BulkColumnType.Integer),
        new("nhs_quarter", BulkColumnType.Integer),
        new("is_weekend", BulkColumnType.Boolean),
        new("is_bank_holiday", BulkColumnType.Boolean),
        new("bank_holiday_name", BulkColumnType.Text),
        new("is_working_day", BulkColumnType.Boolean),
    ];

    public override int Version => 3;

    public override string Description => "fill dim date";

    // Bump the suffix when the calendar rules change so existing warehouses are told.
    public override string Checksum => $"code:dim_date:{DateDimension.First:yyyy-MM-dd}..{DateDimension.Last:yyyy-MM-dd}:v1";

    public override async Task ApplyAsync(Warehouse warehouse, DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        await using var writer = await warehouse.StartBulkWriteAsync(connection, "dim_date", Columns);
        foreach (var d in DateDimension.Rows())
        {
            await writer.WriteRowAsync(d.DateKey, d.CalendarDate, d.YearNumber, d.MonthNumber, d.MonthName,
                d.MonthStartDate, d.MonthStartKey, d.DayOfMonth, d.DayOfWeek, d.DayName, d.IsoYear, d.IsoWeek,
                d.NhsFinancialYear, d.NhsFinancialYearStart, d.NhsQuarter, d.IsWeekend, d.IsBankHoliday,
                d.BankHolidayName, d.IsWorkingDay);
        }
        await writer.CompleteAsync();
    }
}
