using ImpactMeasure.Reports.Metrics;

namespace ImpactMeasure.Reports;

/// <summary>Every metric of METHODS §1–§3 and §5 for one window and area, as typed tables ready for CSV or the pack.
/// Each metric is computed once; disclosure control is applied afterwards over the whole release.</summary>
public sealed class MetricsReport
{
    private readonly ImpactMeasure.Warehouse.Warehouse _warehouse;
    private readonly MethodParameters _parameters;

    public MetricsReport(ImpactMeasure.Warehouse.Warehouse warehouse, MethodParameters parameters)
    {
        _warehouse = warehouse;
        _parameters = parameters;
    }

    /// <summary>The tables as a release of their own (one <c>report metrics</c> run): with <paramref name="suppress"/>
    /// (the default for anything shared) disclosure control applied over all of them.</summary>
    public async Task<MetricsResult> RunAsync(ReportWindow window, bool suppress = true)
    {
        var result = await ComputeAsync(window);
        if (suppress)
            result.Protect([]);
        return result;
    }

    /// <summary>The tables with no disclosure control yet: for a caller that adds tables of its own to the release.</summary>
    /// <param name="window">the window and area</param>
    /// <param name="scope">everything, or what benchmarking rests on (<see cref="MetricsScope.Benchmark"/>)</param>
    public async Task<MetricsResult> ComputeAsync(ReportWindow window, MetricsScope scope = MetricsScope.Everything)
    {
        ArgumentNullException.ThrowIfNull(window);
        await using var connection = await _warehouse.OpenConnectionAsync();
        // Each table is built from its query's rows while the next query runs: the builds are single-threaded and
        // independent (a seeded bootstrap gives the same interval on any thread), so they fill the core the engine
        // leaves idle between and within queries.
        var outcomes = await ReportQueries.RunAsync(connection, ReportQueries.ReferralOutcomes, window);
        var history = await ReportQueries.RunAsync(connection, ReportQueries.ServiceMonthOutcomes,
            window with { FirstMonth = window.LastMonth.AddMonths(1 - Math.Max(_parameters.SpcMonths, 1)) });
        var referralOutcomes = Task.Run(() => ReferralOutcomeMetrics.Build(outcomes, window, _parameters));
        var serviceOverload = Task.Run(() => ServiceOverload.Build(history, window, _parameters));
        var everything = scope == MetricsScope.Everything;
        var coverage = (await ReportQueries.RunAsync(connection, ReportQueries.PatientLevelCoverage, window))[0];
        var observed = coverage.Count("appointments") > 0;
        var minutes = await MinutesPerAppointmentAsync(connection, window);
        // Patients are kept apart only where a bootstrap resamples them: every practice for the full release (each
        // practice's own interval), only PCNs of one practice for the benchmark (nationally 2.7 s against 4.4 s).
        var navigation = NavigationKind.Read(await ReportQueries.RunAsync(connection, ReportQueries.NavigationKinds, window, _parameters.RepresentationWindowDays,
            everything));
        var freedGpTime = Task.Run(() => FreedGpTime.Build(navigation, minutes, window, _parameters, practiceIntervals: everything));
        var representation = Task.Run(() => Representation.Build(navigation, window, _parameters));
        var cohort = WellbeingChange.CohortWindow(window, _parameters);
        var tally = new WellbeingTally(_parameters);
        await ReportQueries.EachAsync(connection, ReportQueries.WellbeingPairs, cohort, tally.Reader, _parameters.WellbeingFollowupWeeks * 7);
        var spGpUse = everything ? await GpUseAsync(connection, window, coverage) : GpUseDifferenceInDifferences.NotComputed();
        var members = navigation.Select(e => (e.PracticeCode, e.PcnCode))
            .Concat(OutcomeBreakdown.Of(outcomes, OutcomeBreakdown.Practice).Select(r => (r.Text("practice_code"), r.Text("pcn_code")))).Distinct().ToList();
        return new MetricsResult(window, _parameters, observed, minutes, members)
        {
            Scope = scope,
            FreedGpTime = await freedGpTime,
            Representation = await representation,
            ReferralOutcomes = await referralOutcomes,
            ServiceOverload = await serviceOverload,
            SpCaseload = SocialPrescribingMetrics.Caseload(outcomes, window),
            SpReferralSources = SocialPrescribingMetrics.ByReferrer(outcomes, window, _parameters),
            Wellbeing = WellbeingChange.Build(tally, cohort, _parameters),
            PcnCaseload = PcnSocialPrescribing.Caseload(outcomes, window),
            PcnWellbeing = PcnSocialPrescribing.Wellbeing(tally, cohort, _parameters),
            EquityWellbeing = Equity.EquityTables.Wellbeing(tally, cohort, _parameters),
            SpGpUse = spGpUse,
        };
    }

    /// <summary>GP use before and after social prescribing referral for the referrals of <paramref name="window"/>
    /// (the pack takes a window old enough for every referral's after-period to have passed).</summary>
    public async Task<MetricTable<SpGpUseRow>> GpUseAsync(ReportWindow window, string name)
    {
        ArgumentNullException.ThrowIfNull(window);
        await using var connection = await _warehouse.OpenConnectionAsync();
        return await GpUseAsync(connection, window, (await ReportQueries.RunAsync(connection, ReportQueries.PatientLevelCoverage, window))[0], name);
    }

    private async Task<MetricTable<SpGpUseRow>> GpUseAsync(System.Data.Common.DbConnection connection, ReportWindow window, ReportQueries.Row coverage,
        string name = GpUseDifferenceInDifferences.TableName)
    {
        var gpUse = await ReportQueries.RunAsync(connection, ReportQueries.SpGpUse, window, GpUseDifferenceInDifferences.WindowDays(_parameters.WindowMonths));
        var span = coverage.Text("first_date").Length == 0 ? ((DateOnly, DateOnly)?)null : (coverage.Date("first_date"), coverage.Date("last_date"));
        return GpUseDifferenceInDifferences.Build(gpUse, span, window, _parameters, name);
    }

    private async Task<double> MinutesPerAppointmentAsync(System.Data.Common.DbConnection connection, ReportWindow window)
    {
        if (_parameters.GpMinutesSource != "recorded")
            return _parameters.DefaultGpAppointmentMinutes;
        var row = (await ReportQueries.RunAsync(connection, ReportQueries.RecordedMinutes, window))[0];
        return row.Number("appointments") is > 0 ? row.Number("weighted_minutes")!.Value / row.Number("appointments")!.Value : _parameters.DefaultGpAppointmentMinutes;
    }
}
