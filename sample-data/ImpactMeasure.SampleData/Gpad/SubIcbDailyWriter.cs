using ImpactMeasure.SampleData.Geography;
using ImpactMeasure.SampleData.Output;

namespace ImpactMeasure.SampleData.Gpad;

/// <summary>Writes the sub-ICB daily file and the daily actual-duration file for one month: the month's
/// sub-ICB totals spread over days (weekday pattern, almost nothing at weekends and on bank holidays).</summary>
public sealed class SubIcbDailyWriter
{
    public static readonly string[] DailyHeader =
    [
        "SUB_ICB_LOCATION_CODE", "SUB_ICB_LOCATION_ONS_CODE", "SUB_ICB_LOCATION_NAME", "ICB_ONS_CODE", "REGION_ONS_CODE",
        "Appointment_Date", "APPT_STATUS", "HCP_TYPE", "APPT_MODE", "TIME_BETWEEN_BOOK_AND_APPT", "COUNT_OF_APPOINTMENTS",
    ];

    public static readonly string[] DurationHeader =
    [
        "SUB_ICB_LOCATION_CODE", "SUB_ICB_LOCATION_ONS_CODE", "SUB_ICB_LOCATION_NAME", "ICB_ONS_CODE", "REGION_ONS_CODE",
        "Appointment_Date", "ACTUAL_DURATION", "COUNT_OF_APPOINTMENTS",
    ];

    /// <summary>The daily file carries each sub-ICB's largest cells of each mode only (scaled to keep the
    /// month's total): the full grain would make the committed sample too large.</summary>
    public const int CellsPerModePerDay = 2;

    private readonly SampleDataOptions _options;
    private readonly Dictionary<string, Practice> _anyPracticeBySubIcb;

    public SubIcbDailyWriter(SampleDataOptions options, IReadOnlyList<Practice> practices)
    {
        _options = options;
        _anyPracticeBySubIcb = practices.GroupBy(p => p.SubIcb.Code).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public void Write(CsvOut daily, CsvOut duration, SubIcbMonth month)
    {
        ArgumentNullException.ThrowIfNull(daily);
        ArgumentNullException.ThrowIfNull(duration);
        ArgumentNullException.ThrowIfNull(month);
        var days = DaysOf(month.Month);
        var weights = days.Select(d => d.Weight).ToArray();
        foreach (var (subIcb, cells) in month.SubIcbs)
        {
            var practice = _anyPracticeBySubIcb[subIcb.Code];
            var random = new SeededRandom(_options.Seed, "daily", subIcb.Code, month.Month.DayNumber);
            var total = cells.Sum(c => c.Count);
            // The largest cells of each appointment mode, so every mode appears every day.
            var top = cells.GroupBy(c => c.Attributes[2])
                .SelectMany(g => g.OrderByDescending(c => c.Count).ThenBy(c => string.Join('|', c.Attributes), StringComparer.Ordinal).Take(CellsPerModePerDay))
                .ToList();
            var topTotal = top.Sum(c => c.Count);
            var attendedByDay = new long[days.Length];
            foreach (var (attributes, count) in top)
            {
                var scaled = (int)Math.Round((double)count * total / topTotal);
                var byDay = random.Multinomial(weights, scaled);
                for (var d = 0; d < days.Length; d++)
                {
                    if (byDay[d] == 0)
                        continue;
                    if (attributes[0] == "Attended")
                        attendedByDay[d] += byDay[d];
                    daily.Write(subIcb.Code, subIcb.OnsCode, subIcb.Name, practice.Icb.OnsCode, practice.Region.OnsCode,
                        NhsDates.Gpad(days[d].Date), attributes[0], attributes[1], RegionalSpelling(attributes[2]),
                        RegionalSpelling(attributes[3]), NhsDates.Number(byDay[d]));
                }
            }
            WriteDurations(duration, random, subIcb, practice, days, attendedByDay);
        }
    }

    private static void WriteDurations(CsvOut duration, SeededRandom random, Area subIcb, Practice practice, (DateOnly Date, double Weight)[] days, long[] attendedByDay)
    {
        var shares = GpadVocabulary.DurationBands.Select(b => b.Share).ToArray();
        for (var d = 0; d < days.Length; d++)
        {
            if (attendedByDay[d] == 0)
                continue;
            var bands = random.Multinomial(shares, (int)attendedByDay[d]);
            for (var b = 0; b < bands.Length; b++)
            {
                if (bands[b] > 0)
                {
                    duration.Write(subIcb.Code, subIcb.OnsCode, subIcb.Name, practice.Icb.OnsCode, practice.Region.OnsCode,
                        NhsDates.Gpad(days[d].Date), GpadVocabulary.DurationBands[b].Value, NhsDates.Number(bands[b]));
                }
            }
        }
    }

    // The sub-ICB files spell two values as the Regional CSV does.
    private static string RegionalSpelling(string value) => value switch
    {
        "Video Conference/Online" => "Video/Online",
        "Unknown / Data Issue" => "Unknown / Data Quality",
        _ => value,
    };

    private static (DateOnly Date, double Weight)[] DaysOf(DateOnly month)
    {
        var days = new List<(DateOnly, double)>();
        for (var d = month; d.Month == month.Month; d = d.AddDays(1))
        {
            var weight = WorkingDays.IsHoliday(d) ? 0.004 : d.DayOfWeek switch
            {
                DayOfWeek.Monday => 1.15,
                DayOfWeek.Tuesday => 1.05,
                DayOfWeek.Wednesday => 1.0,
                DayOfWeek.Thursday => 1.0,
                DayOfWeek.Friday => 0.92,
                DayOfWeek.Saturday => 0.03,
                _ => 0.006,
            };
            days.Add((d, weight));
        }
        return days.ToArray();
    }
}
