namespace ImpactMeasure.Warehouse.Calendar;

/// <summary>England and Wales bank holidays, computed: the regular ones (with weekend substitutes),
/// the moved May holidays and the one-off holidays since 2015.</summary>
public static class EnglandAndWalesBankHolidays
{
    /// <summary>One-off holidays proclaimed in addition to the regular ones.</summary>
    private static readonly (DateOnly Date, string Name)[] OneOffs =
    [
        (new DateOnly(2022, 6, 3), "Platinum Jubilee bank holiday"),
        (new DateOnly(2022, 9, 19), "State Funeral of Queen Elizabeth II"),
        (new DateOnly(2023, 5, 8), "Coronation of King Charles III"),
    ];

    /// <summary>The bank holidays of one calendar year, by date.</summary>
    public static IReadOnlyDictionary<DateOnly, string> For(int year)
    {
        var holidays = new Dictionary<DateOnly, string>();
        AddWithSubstitute(holidays, new DateOnly(year, 1, 1), "New Year's Day");
        var easter = EasterSunday(year);
        holidays[easter.AddDays(-2)] = "Good Friday";
        holidays[easter.AddDays(1)] = "Easter Monday";
        holidays[EarlyMay(year)] = "Early May bank holiday";
        holidays[Spring(year)] = "Spring bank holiday";
        holidays[LastMonday(year, 8)] = "Summer bank holiday";
        AddChristmas(holidays, year);
        foreach (var (date, name) in OneOffs.Where(o => o.Date.Year == year))
            holidays[date] = name;
        return holidays;
    }

    // 2020: moved to Friday 8 May for the 75th anniversary of VE Day.
    private static DateOnly EarlyMay(int year) =>
        year == 2020 ? new DateOnly(2020, 5, 8) : FirstMonday(year, 5);

    // 2022: moved to Thursday 2 June for the Platinum Jubilee.
    private static DateOnly Spring(int year) =>
        year == 2022 ? new DateOnly(2022, 6, 2) : LastMonday(year, 5);

    private static void AddWithSubstitute(Dictionary<DateOnly, string> holidays, DateOnly date, string name)
    {
        var shifted = date.DayOfWeek switch
        {
            DayOfWeek.Saturday => date.AddDays(2),
            DayOfWeek.Sunday => date.AddDays(1),
            _ => date,
        };
        holidays[shifted] = shifted == date ? name : $"{name} (substitute day)";
    }

    private static void AddChristmas(Dictionary<DateOnly, string> holidays, int year)
    {
        var christmas = new DateOnly(year, 12, 25);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Saturday:
                holidays[christmas.AddDays(2)] = "Christmas Day (substitute day)";
                holidays[christmas.AddDays(3)] = "Boxing Day (substitute day)";
                break;
            case DayOfWeek.Sunday:
                holidays[christmas.AddDays(1)] = "Boxing Day";
                holidays[christmas.AddDays(2)] = "Christmas Day (substitute day)";
                break;
            case DayOfWeek.Friday:
                holidays[christmas] = "Christmas Day";
                holidays[christmas.AddDays(3)] = "Boxing Day (substitute day)";
                break;
            default:
                holidays[christmas] = "Christmas Day";
                holidays[christmas.AddDays(1)] = "Boxing Day";
                break;
        }
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
