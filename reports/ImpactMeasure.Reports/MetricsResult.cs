using ImpactMeasure.Reports.Disclosure;
using ImpactMeasure.Reports.Metrics;

namespace ImpactMeasure.Reports;

/// <summary>The metric tables of one window and what they were computed with; <see cref="Protect"/> applies
/// disclosure control over them and any further tables of the same release (the pack's).</summary>
public sealed record MetricsResult(ReportWindow Window, MethodParameters Parameters, bool RepresentationObserved, double MinutesPerAppointment,
    IReadOnlyList<(string Practice, string Pcn)> Members)
{
    /// <summary>What was computed: a <see cref="MetricsScope.Benchmark"/> result is never written as metric files.</summary>
    public MetricsScope Scope { get; init; } = MetricsScope.Everything;

    public required MetricTable<FreedGpTimeRow> FreedGpTime { get; init; }

    public required MetricTable<RepresentationRow> Representation { get; init; }

    public required MetricTable<ReferralOutcomeRow> ReferralOutcomes { get; init; }

    public required MetricTable<ServiceOverloadRow> ServiceOverload { get; init; }

    public required MetricTable<SpCaseloadRow> SpCaseload { get; init; }

    public required MetricTable<SpReferrerRow> SpReferralSources { get; init; }

    public required MetricTable<WellbeingRow> Wellbeing { get; init; }

    public required MetricTable<SpGpUseRow> SpGpUse { get; init; }

    /// <summary>Link workers' caseload by PCN: not among <see cref="Tables"/>; the benchmark publishes it and adds it to
    /// its release.</summary>
    public required MetricTable<PcnCaseloadRow> PcnCaseload { get; init; }

    /// <summary>Wellbeing improvement by PCN and instrument: as <see cref="PcnCaseload"/>.</summary>
    public required MetricTable<PcnWellbeingRow> PcnWellbeing { get; init; }

    /// <summary>Wellbeing improvement by patient group and instrument: as <see cref="PcnCaseload"/>.</summary>
    public required MetricTable<Equity.EquityWellbeingRow> EquityWellbeing { get; init; }

    /// <summary>The metric tables in file order.</summary>
    public IReadOnlyList<IMetricTable> Tables => [FreedGpTime, Representation, ReferralOutcomes, ServiceOverload, SpCaseload, SpReferralSources, Wellbeing, SpGpUse];

    /// <summary>What disclosure control decided (<see cref="Disclosure.Disclosure.Off"/> until <see cref="Protect"/>).</summary>
    public Disclosure.Disclosure Disclosure => FreedGpTime.Disclosure;

    public bool Suppressed => Disclosure.Applied;

    public IMetricTable this[string name] => Tables.Single(t => t.Name == name);

    /// <summary>Primary and complementary suppression over these tables and <paramref name="others"/> as one release.</summary>
    public Disclosure.Disclosure Protect(IReadOnlyList<IMetricTable> others)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var release = Release(others);
        var all = Tables.Concat(others).ToList();
        var disclosure = release.Protect(Parameters.SuppressionThreshold, Parameters.SuppressionRounding);
        disclosure.Elapsed = clock.Elapsed;
        if (disclosure.Unprotected.Count > 0)
        {
            throw new InvalidOperationException($"disclosure control could not protect {disclosure.Unprotected.Count} hidden counts (first: {disclosure.Unprotected[0]}): "
                + "nothing was written; report this with the command that gave it");
        }
        foreach (var table in all)
            table.Disclosure = disclosure;
        return disclosure;
    }

    /// <summary>Every count of these tables and <paramref name="others"/>, as one release.</summary>
    public Release Release(IReadOnlyList<IMetricTable> others)
    {
        ArgumentNullException.ThrowIfNull(others);
        var release = new Release(Window.Key);
        foreach (var (practice, pcn) in Members)
            release.Member(practice, pcn);
        var tables = Tables.Concat(others).ToList();
        release.Reserve(tables.Sum(t => t.CountCells));
        foreach (var table in tables)
            table.RegisterIn(release);
        return release;
    }

    public IReadOnlyList<string> WriteCsv(string folder) => Scope == MetricsScope.Everything
        ? Tables.Select(t => CsvReportWriter.Write(folder, t, Window, Parameters, Disclosure)).ToList()
        : throw new InvalidOperationException("metrics computed for benchmarking lack intervals and GP use: compute everything to write metric files");
}
