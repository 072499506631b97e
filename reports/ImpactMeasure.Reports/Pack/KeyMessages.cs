using System.Globalization;
using ImpactMeasure.Reports.Metrics;

namespace ImpactMeasure.Reports.Pack;

/// <summary>The Cover's key messages: plain sentences written from the release's published figures (never from a
/// hidden one: a [c] figure is said to be not shown), each pointing to the table it comes from.</summary>
public static class KeyMessages
{
    /// <summary>The messages; <paramref name="sheets"/> names the sheet of each table the messages point to.</summary>
    public static IReadOnlyList<string> Write(MonthlyPackData data, KeyMessageSheets sheets)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(sheets);
        var month = data.Period.ToString("MMM yyyy", CultureInfo.InvariantCulture);
        return new[]
        {
            Freed(data, month, sheets.Freed),
            Overload(data, month, sheets.Outcomes),
            Inappropriate(data, month, sheets.Referrers),
            Wellbeing(data, month, sheets.Wellbeing),
            Completeness(data, month, sheets.DataQuality),
        }.OfType<string>().ToList();
    }

    private static string Freed(MonthlyPackData data, string month, string sheet)
    {
        var freed = data.Metrics.FreedGpTime;
        var area = freed.Rows.FirstOrDefault(r => r.Breakdown == "all");
        if (area is null || Number(freed.Show(area, FreedGpTimeColumns.FreedCentral)) is not { } central)
            return $"Freed GP appointments for {month} are not shown: too few events to publish safely [c] ({sheet}).";
        var bounds = (Number(freed.Show(area, FreedGpTimeColumns.FreedLower95)), Number(freed.Show(area, FreedGpTimeColumns.FreedUpper95)));
        var interval = bounds is ({ } lo, { } hi) ? Invariant($" (95% interval {lo:N0} to {hi:N0})") : "";
        var hours = Number(freed.Show(area, FreedGpTimeColumns.MinutesCentral)) is { } minutes ? $", about {minutes / 60:N0} hours of GP time" : "";
        var headline = data.Headline.Rows.FirstOrDefault(r => r.Kpi.Key == "gp_appointments_freed");
        var shownYearAgo = headline is null ? null : data.Headline.Show(headline, HeadlineRow.YearAgoColumn);
        var lastYear = data.Period.AddMonths(-12).ToString("MMM yyyy", CultureInfo.InvariantCulture);
        // A year-ago figure inside this month's interval is no evidence of change: say so rather than quote a percentage.
        var change = Number(shownYearAgo) is { } yearAgo and > 0
            ? bounds is ({ } low, { } high) && yearAgo >= low && yearAgo <= high
                ? Invariant($"; not clearly different from {lastYear} ({yearAgo:N0}, inside the interval)")
                : Invariant($"; {Change(central, yearAgo)} {lastYear} ({yearAgo:N0})")
            : shownYearAgo is SuppressedCell ? $"; {lastYear}'s figure is not shown [c], so there is no change on a year ago" : "";
        var share = data.Headline.Rows.FirstOrDefault(r => r.Kpi.Key == "freed_share_of_gp_appointments") is { } row
            && Number(data.Headline.Show(row, HeadlineRow.ThisMonthColumn)) is { } fraction && row.ThisMonth?.Value is not null
            && data.Headline.Rows.FirstOrDefault(r => r.Kpi.Key == "gp_appointments")?.ThisMonth?.Value is { } gp
            ? $", {Percent(fraction)} of the area's {gp:N0} GP appointments" : "";
        return Invariant($"Care navigation freed an estimated {central:N0} GP appointments in {month}{interval}{share}{hours}{change} ({sheet}).");
    }

    private static string Change(double now, double before)
    {
        var relative = (now - before) / before;
        return Math.Abs(relative) < 0.005 ? "about the same as in" : $"{Percent(Math.Abs(relative), "0")} {(relative > 0 ? "more" : "fewer")} than in";
    }

    private static string Overload(MonthlyPackData data, string month, string sheet)
    {
        var key = ReportWindow.MonthKey(data.Period);
        var flagged = data.Metrics.ServiceOverload.Rows.Where(r => r.Month == key && ServiceOverload.IsFlagged(r.PossiblyOverloaded)).ToList();
        return flagged.Count == 0
            ? $"No service that patients were sent to was flagged as possibly overloaded in {month} ({sheet})."
            : $"{Count(flagged.Count, "service")} possibly overloaded in {month}: {string.Join("; ", flagged.Select(r => $"{r.ServiceName} ({r.ServiceCode}), {Why(r.PossiblyOverloaded)}"))} ({sheet}).";
    }

    // Only published role rates are compared; the all-roles rate is not quoted where a role's count is hidden
    // (with the other roles it would give the hidden count back).
    private static string Why(string flag) => string.Join(" and ", flag.Split("; ").Select(reason => reason switch
    {
        ServiceOverload.Rising => "rising: its capacity refusals are above the control limit set on its own earlier months",
        ServiceOverload.PersistentlyHigh => "persistently high: its capacity refusals are above the 99.8% funnel limit of services of its kind",
        _ => reason,
    }));

    private static string? Inappropriate(MonthlyPackData data, string month, string sheet)
    {
        var roles = data.Metrics.SpReferralSources;
        if (roles.Rows.Sum(r => r.Counts.WithDecision) == 0)
            return null;
        var published = roles.Rows.Select(r => (Row: r, Rate: Number(roles.Show(r, SpReferrerRow.RateColumn)))).Where(p => p.Rate is not null).ToList();
        var hidden = roles.Rows.Any(r => roles.Show(r, SpReferrerRow.InappropriateColumn) is SuppressedCell);
        if (published.Count == 0)
            return $"Inappropriate social prescribing referrals by referrer role are not shown for {month} [c] ({sheet}).";
        var worst = published.MaxBy(p => p.Rate)!;
        if (worst.Rate == 0)
            return $"No social prescribing referral from a referrer role with published figures was rejected as inappropriate in {month}{(hidden ? " (some roles' figures are hidden [c])" : "")} ({sheet}).";
        var bounds = (Number(roles.Show(worst.Row, SpReferrerRow.LowerColumn)), Number(roles.Show(worst.Row, SpReferrerRow.UpperColumn))) is ({ } lo, { } hi)
            ? $", 95% interval {Percent(lo)} to {Percent(hi)}" : "";
        var overall = hidden ? $" (some roles' figures are hidden [c])"
            : $"; {Percent((double)roles.Rows.Sum(r => r.Counts.RejectedInappropriate) / roles.Rows.Sum(r => r.Counts.WithDecision))} of all referrals with a decision were rejected as inappropriate";
        return $"Social prescribing referrals from {CodeLabels.Of(worst.Row.ReferrerRole).ToLowerInvariant()}s had the highest inappropriate-referral rate in {month}: {Percent(worst.Rate!.Value)}{bounds}{overall} ({sheet}).";
    }

    private static string? Wellbeing(MonthlyPackData data, string month, string sheet)
    {
        var wellbeing = data.Metrics.Wellbeing;
        var row = wellbeing.Rows.FirstOrDefault(r => r.Instrument == "SWEMWBS") ?? (wellbeing.Rows.Count > 0 ? wellbeing.Rows[0] : null);
        if (row is null)
            return null;
        var name = CodeLabels.Of(row.Instrument);
        if (Number(wellbeing.Show(row, WellbeingRow.MeanChangeColumn)) is not { } change)
            return $"The wellbeing change on {name} is not shown for the 12 months to {month}: too few people [c] or none with both scores ({sheet}).";
        var interval = (Number(wellbeing.Show(row, WellbeingRow.LowerColumn)), Number(wellbeing.Show(row, WellbeingRow.UpperColumn))) is ({ } lo, { } hi)
            ? Invariant($" (95% interval {lo:0.0} to {hi:0.0})") : "";
        var completeness = Number(wellbeing.Show(row, WellbeingRow.CompletenessColumn)) is { } share ? $"; {Percent(share, "0")} of the people due a follow-up had both scores" : "";
        return Invariant($"People whose wellbeing follow-up fell due in the 12 months to {month} changed by {change:+0.0;-0.0;0.0} points on average on {name}{interval}{completeness} ({sheet}).");
    }

    private static string Completeness(MonthlyPackData data, string month, string sheet)
    {
        if (data.Incomplete is { } why)
            return $"The data for {month} are incomplete ({why}): every figure is provisional [p] ({sheet}).";
        var reporting = data.Coverage.Count("practices_reporting");
        var mapped = data.Coverage.Count("practices_mapped");
        return Invariant($"{reporting:N0} of {mapped:N0} practices sent GP appointment data for {month}; figures are provisional [p] and outcomes still pending will be updated ({sheet}).");
    }

    private static string Percent(double share, string format = "0.0") => (share * 100).ToString(format, CultureInfo.InvariantCulture) + "%";

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun} was" : $"{n} {noun}s were";

    private static double? Number(object? value) => value switch
    {
        double d => d,
        long l => l,
        int i => i,
        _ => null,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The sheets the key messages point to.</summary>
public sealed record KeyMessageSheets(string Freed, string Outcomes, string Referrers, string Wellbeing, string DataQuality);
