namespace ImpactMeasure.Warehouse.Calendar;

/// <summary>One day of <c>dim_date</c>; day_of_week is ISO (Monday 1 … Sunday 7), nhs_quarter 1 = April–June.</summary>
public sealed record DateRow(
    int DateKey,
    DateOnly CalendarDate,
    int YearNumber,
    int MonthNumber,
    string MonthName,
    DateOnly MonthStartDate,
    int MonthStartKey,
    int DayOfMonth,
    int DayOfWeek,
    string DayName,
    int IsoYear,
    int IsoWeek,
    string NhsFinancialYear,
    int NhsFinancialYearStart,
    int NhsQuarter,
    bool IsWeekend,
    bool IsBankHoliday,
    string? BankHolidayName,
    bool IsWorkingDay);
