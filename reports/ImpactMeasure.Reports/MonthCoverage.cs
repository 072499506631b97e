using System.Globalization;

namespace ImpactMeasure.Reports;

/// <summary>How complete a month's GPAD data is for an area: practices with appointments against practices mapped
/// there. A report of a month with no data, or too little, would print zeros or a confident word about nothing.</summary>
public sealed record MonthCoverage(DateOnly Month, long Reporting, long Mapped)
{
    public double Share => Mapped == 0 ? 0 : (double)Reporting / Mapped;

    public static async Task<MonthCoverage> OfAsync(ImpactMeasure.Warehouse.Warehouse warehouse, DateOnly month, string? area)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        await using var connection = await warehouse.OpenConnectionAsync();
        var row = (await ReportQueries.RunAsync(connection, ReportQueries.PracticeCoverage, ReportWindow.Ending(month, 1, area)))[0];
        return new MonthCoverage(month, row.Count("practices_reporting"), row.Count("practices_mapped"));
    }

    /// <summary>Why the month is incomplete against <paramref name="minimum"/> (a share of practices), or null.</summary>
    public string? Shortfall(double minimum) => Reporting == 0 || Share < minimum
        ? string.Create(CultureInfo.InvariantCulture, $"{Month:yyyy-MM} is incomplete: {Reporting:N0} of {Mapped:N0} practices have GPAD appointments ({Share * 100:0}%, below the {minimum * 100:0}% required)")
        : null;
}
