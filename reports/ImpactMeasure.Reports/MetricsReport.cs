using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Reports;

/// <summary>Every metric of METHODS §1–§3 and §5 for one window and area, as tables ready for CSV or the pack.</summary>
public sealed class MetricsReport
{
    private readonly ImpactMeasure.Warehouse.Warehouse _warehouse;
    private readonly MethodParameters _parameters;

    public MetricsReport(ImpactMeasure.Warehouse.Warehouse warehouse, MethodParameters parameters)
    {
        _warehouse = warehouse;
        _parameters = parameters;
    }

    /// <summary>The tables; with <paramref name="suppress"/> (the default for anything shared) disclosure control applied.</summary>
    public async Task<MetricsResult> RunAsync(ReportWindow window, bool suppress = true)
    {
        ArgumentNullException.ThrowIfNull(window);
        await using var connection = await _warehouse.OpenConnectionAsync();
        var outcomes = await ReportQueries.RunAsync(connection, ReportQueries.ReferralOutcomes, window);
        var history = await ReportQueries.RunAsync(connection, ReportQueries.ServiceMonthOutcomes,
            window with { FirstMonth = window.LastMonth.AddMonths(1 - Math.Max(_parameters.SpcMonths, 1)) });
        var navigation = FreedGpTime.Events(await ReportQueries.RunAsync(connection, ReportQueries.NavigationEvents, window, _parameters.RepresentationWindowDays));
        var coverage = (await ReportQueries.RunAsync(connection, ReportQueries.PatientLevelCoverage, window))[0];
        var observed = coverage.Count("appointments") > 0;
        var minutes = await MinutesPerAppointmentAsync(connection, window);
        var pairs = await ReportQueries.RunAsync(connection, ReportQueries.WellbeingPairs, window);
        var gpUse = await ReportQueries.RunAsync(connection, ReportQueries.SpGpUse, window, GpUseDifferenceInDifferences.WindowDays(_parameters.WindowMonths));
        MetricTable[] tables =
        [
            FreedGpTime.Build(navigation, observed, minutes, _parameters),
            FreedGpTime.Representation(navigation, observed, _parameters),
            ReferralOutcomeMetrics.Build(outcomes, _parameters),
            ServiceOverload.Build(history, window, _parameters),
            SocialPrescribingMetrics.Caseload(outcomes),
            SocialPrescribingMetrics.ByReferrer(outcomes, _parameters),
            WellbeingChange.Build(pairs, _parameters),
            GpUseDifferenceInDifferences.Build(gpUse, coverage.Text("first_date").Length == 0 ? null : (coverage.Date("first_date"), coverage.Date("last_date")), _parameters),
        ];
        if (suppress)
        {
            foreach (var table in tables)
                TableSuppression.Apply(table, _parameters.SuppressionThreshold);
        }
        return new MetricsResult(window, _parameters, tables, suppress, observed, minutes);
    }

    private async Task<double> MinutesPerAppointmentAsync(System.Data.Common.DbConnection connection, ReportWindow window)
    {
        if (_parameters.GpMinutesSource != "recorded")
            return _parameters.DefaultGpAppointmentMinutes;
        var row = (await ReportQueries.RunAsync(connection, ReportQueries.RecordedMinutes, window))[0];
        return row.Number("appointments") is > 0 ? row.Number("weighted_minutes")!.Value / row.Number("appointments")!.Value : _parameters.DefaultGpAppointmentMinutes;
    }
}

/// <summary>The metric tables of one report run and what they were computed with.</summary>
public sealed record MetricsResult(ReportWindow Window, MethodParameters Parameters, IReadOnlyList<MetricTable> Tables, bool Suppressed,
    bool RepresentationObserved, double MinutesPerAppointment)
{
    public MetricTable this[string name] => Tables.Single(t => t.Name == name);

    public IReadOnlyList<string> WriteCsv(string folder) =>
        Tables.Select(t => CsvReportWriter.Write(folder, t, Window, Parameters, Suppressed)).ToList();
}
