using ImpactMeasure.Reports.Metrics;

namespace ImpactMeasure.Reports.Benchmark;

/// <summary>The benchmark's release: the metrics it rests on, the PCN table, and the equity tables.</summary>
public sealed record BenchmarkRelease(MetricsResult Metrics, MetricTable<BenchmarkRow> Table, MetricTable<Equity.EquityRow> Equity,
    MetricTable<Equity.InequalityRow> Inequality)
{
    /// <summary>The similar-PCN groups (computed whatever the peers asked for, so they can be shown).</summary>
    public PeerClusters? Similar { get; init; }

    /// <summary>Every practice on <see cref="Indicator.Practice"/> against practices (the same peers); with one PCN's
    /// view, that PCN's practices only.</summary>
    public required MetricTable<BenchmarkRow> Practices { get; init; }

    /// <summary>Each PCN's similar-PCN group and nearest PCNs (names every PCN: not for an anonymous view).</summary>
    public required MetricTable<SimilarPcnRow> SimilarPcns { get; init; }
}

/// <summary><c>impact report benchmark</c>'s computation: the window's metrics over the whole warehouse (protected as
/// one release), the PCNs' denominators, and every PCN against its peers; optionally one PCN's view, the other PCNs
/// named "Peer A", "Peer B"… (a PCN sees where it stands, not who its neighbours are).</summary>
public sealed class BenchmarkReport(ImpactMeasure.Warehouse.Warehouse warehouse, MethodParameters parameters)
{
    public const string TableName = "pcn_benchmark", PracticeTableName = "practice_benchmark";

    public async Task<BenchmarkRelease> RunAsync(ReportWindow window, string peers, string? pcn = null, bool namePeers = false, bool suppress = true,
        bool overdispersion = false)
    {
        ArgumentNullException.ThrowIfNull(window);
        var england = window with { Area = null };
        // The PCNs' context (denominators, names, profiles and the similar-PCN groups) and the equity tables rest on
        // no metric: they are read (and clustered, or built) on connections of their own while the metrics are
        // computed and protected, filling the cores the metrics' single-threaded stretches leave idle.
        var contextTask = Task.Run(() => ContextAsync(england));
        var equityTask = Task.Run(async () =>
        {
            await using var connection = await warehouse.OpenConnectionAsync();
            // Built as soon as read: the slope index's simulations take a core for a quarter of a second nationally.
            return Equity.EquityTables.Build(await ReportQueries.RunAsync(connection, ReportQueries.Equity, england), england, parameters);
        });
        var metrics = await new MetricsReport(warehouse, parameters).ComputeAsync(england, MetricsScope.Benchmark);
        // Equity's counts and social prescribing by PCN join the release: their groups add up to the metrics' totals,
        // so they are protected together.
        var (equity, inequality) = await equityTask;
        if (suppress)
            metrics.Protect([equity, inequality, metrics.PcnCaseload, metrics.PcnWellbeing, metrics.EquityWellbeing]);
        var (denominators, practiceDenominators, names, profiles, similar) = await contextTask;
        var pcnNames = names.Where(r => r.Text("level") == "PCN").ToList();
        var icbOf = pcnNames.ToDictionary(r => r.Text("code"), r => r.Text("icb_code"), StringComparer.Ordinal);
        // PCNs and practices are compared side by side: each only reads the protected release.
        var pcnComparison = Task.Run(() => PcnBenchmark.Compare(PcnBenchmark.Counts(metrics, denominators, icbOf), peers, parameters.Confidence, similar,
            overdispersion));
        var practiceNames = names.Where(r => r.Text("level") == "practice").ToList();
        var practiceCounts = PcnBenchmark.Counts(metrics, practiceDenominators,
            practiceNames.ToDictionary(r => r.Text("code"), r => r.Text("icb_code"), StringComparer.Ordinal),
            pcnOf: practiceNames.ToDictionary(r => r.Text("code"), r => r.Text("pcn_code"), StringComparer.Ordinal));
        var practiceRows = PcnBenchmark.Compare(practiceCounts, peers, parameters.Confidence, similar, overdispersion, Indicator.Practice);
        var rows = await pcnComparison;
        if (pcn is not null)
        {
            rows = View(rows, pcn, namePeers);
            // A PCN sees its own practices against their peers; no other practice is shown, named or not.
            practiceRows = [.. practiceRows.Where(r => r.Pcn == pcn)];
        }
        var table = new MetricTable<BenchmarkRow>(TableName, "PCN benchmarking against peers", BenchmarkRow.Columns, rows)
        {
            Methods = [.. Methods(peers), .. pcn is not null && !namePeers ? [AnonymousPeers] : Array.Empty<string>(), .. overdispersion
                ? ["--overdispersion: proportions' funnels widened as FunnelPlotR does (10% winsorised z-scores, phi, tau squared) where phi > 1 among at least 10 published peers; the funnel column says so and gives phi."]
                : Array.Empty<string>()],
            Disclosure = metrics.Disclosure,
        };
        var practices = new MetricTable<BenchmarkRow>(PracticeTableName, "Practice benchmarking against peers", BenchmarkRow.PracticeColumns, practiceRows)
        {
            Methods = [.. table.Methods, PracticeMethod],
            Disclosure = metrics.Disclosure,
        };
        return new BenchmarkRelease(metrics, table, equity, inequality)
        {
            Similar = similar, Practices = practices, SimilarPcns = SimilarPcnRow.Table(similar, profiles,
                pcnNames.ToDictionary(r => r.Text("code"), r => r.Text("name"), StringComparer.Ordinal)),
        };
    }

    private async Task<(List<ReportQueries.Row> Pcns, List<ReportQueries.Row> Practices, List<ReportQueries.Row> Names, IReadOnlyList<PcnProfile> Profiles,
        PeerClusters Similar)> ContextAsync(ReportWindow england)
    {
        await using var connection = await warehouse.OpenConnectionAsync();
        var denominators = await ReportQueries.RunAsync(connection, ReportQueries.PcnDenominators, england);
        var profiles = Profiles(denominators, await ReportQueries.RunAsync(connection, ReportQueries.PcnProfile, england));
        var similar = SimilarPcns.Cluster(profiles, parameters.BootstrapSeed);
        return (denominators, await ReportQueries.RunAsync(connection, ReportQueries.PracticeDenominators, england),
            await ReportQueries.RunAsync(connection, ReportQueries.AreaNames, england), profiles, similar);
    }

    /// <summary>Each PCN's profile (SimilarPcns.FeatureNames) where every part of it is known.</summary>
    public static IReadOnlyList<PcnProfile> Profiles(IReadOnlyList<ReportQueries.Row> denominators, IReadOnlyList<ReportQueries.Row> referrals)
    {
        ArgumentNullException.ThrowIfNull(denominators);
        ArgumentNullException.ThrowIfNull(referrals);
        var byPcn = referrals.ToDictionary(r => r.Text("pcn_code"), StringComparer.Ordinal);
        return denominators.Select(d =>
        {
            var patients = d.Number("registered_patients");
            var appointments = d.Number("gp_appointments");
            if (patients is not > 0 || appointments is null || !byPcn.TryGetValue(d.Text("pcn_code"), out var r)
                || r.Count("referrals_with_deprivation") == 0 || r.Count("referrals_with_age") == 0)
            {
                return null;
            }
            return new PcnProfile(d.Text("pcn_code"),
            [
                Math.Log(patients.Value), appointments.Value * 1000 / patients.Value,
                (double)r.Count("referrals_most_deprived") / r.Count("referrals_with_deprivation"), (double)r.Count("referrals_older") / r.Count("referrals_with_age"),
            ]);
        }).OfType<PcnProfile>().OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>The rows of <paramref name="pcn"/>'s peer group, the PCN first; the others anonymised unless named.</summary>
    public static IReadOnlyList<BenchmarkRow> View(IReadOnlyList<BenchmarkRow> rows, string pcn, bool namePeers)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var own = rows.Where(r => r.PcnCode == pcn).ToList();
        if (own.Count == 0)
            throw new ArgumentException($"no PCN {pcn} in the warehouse's metrics for this window", nameof(pcn));
        var group = own[0].Peers;
        var peers = rows.Where(r => r.Peers == group && r.PcnCode != pcn).ToList();
        // Lettered by the first indicator's value, highest first, not by code: an ICB's PCN codes are public, so letters
        // in code order would name them. The labels keep the view on the PCN's own position; they are no protection
        // against a reader who matches public list sizes to the denominators (Methods says so).
        var first = peers.FirstOrDefault()?.Indicator;
        var labels = peers.Where(r => r.Indicator == first).OrderByDescending(r => r.Value.HasValue).ThenByDescending(r => r.Value)
            .ThenBy(r => r.PcnCode, StringComparer.Ordinal).Select((r, i) => (r.PcnCode, Label: PeerLabel(i)))
            .ToDictionary(p => p.PcnCode, p => p.Label, StringComparer.Ordinal);
        return [.. own, .. namePeers ? peers : peers.Select(r => r with { PcnCode = labels[r.PcnCode], PcnName = labels[r.PcnCode] })];
    }

    /// <summary>"Peer A" … "Peer Z", "Peer AA" …</summary>
    public static string PeerLabel(int index)
    {
        var letters = "";
        for (var i = index; i >= 0; i = (i / 26) - 1)
            letters = (char)('A' + (i % 26)) + letters;
        return "Peer " + letters;
    }

    /// <summary>What an anonymous view's peer labels do and do not do.</summary>
    public const string AnonymousPeers = "Peers are lettered (Peer A, Peer B...) in order of the first indicator's value, highest first, so the view is about this PCN's own position. The letters are not a confidentiality measure: PCN figures are not personal data once small numbers are suppressed, and a reader who knows the ICB's published list sizes can match them to the rate denominators.";

    /// <summary>What the practice table compares, and what it leaves out.</summary>
    public const string PracticeMethod = "Practices are compared with practices (of the same ICB, of PCNs in the same similar-PCN group, or all) on the seven indicators whose counts the release holds per practice: diversion, acceptance, capacity rejection, inappropriate referral, signposting per 1,000 GP appointments, diverted per 1,000 patients and re-presentation. Not by practice: freed GP time (the benchmark computes no practice bootstrap interval, and an estimate ranked without one could mislead), and link workers' caseload, days to first contact and wellbeing (released by PCN only). A practice's GP appointments and list size count every version of it; its ICB and PCN are its current version's.";

    private static IReadOnlyList<string> Methods(string peers) =>
    [
        $"Peers: {peers switch { "icb" => "the PCNs of the same ICB", "similar" => "similar PCNs: k-means (ML.NET, seeded) on standardised list size (log), GP appointments per 1,000 patients, and the shares of referred patients in the most deprived 40% and aged 65+, k by the highest mean silhouette", _ => "all PCNs in the warehouse (England)" }}; the peer value pools the peers whose counts are published.",
        "Proportions: Wilson 95% interval; funnel limits at the PCN's denominator around the peer value as PHEindicatormethods computes them (95% and 99.8%).",
        "Rates per 1,000: Byar's 95% interval (exact below 10 events); the label compares the peer rate with the PCN's interval (PHEindicatormethods); funnel limits are the Poisson interval of the count expected at the PCN's denominator.",
        "Means (days from referral to first link-worker contact): t 95% interval from the PCN's own standard deviation; funnel limits at the peers' mean plus or minus z sigma / root n, sigma the peers' pooled within-PCN standard deviation (Spiegelhalter 2005); the label is where the PCN's mean falls.",
        "Freed GP appointments and minutes per 1,000 registered patients are estimates (re-presentation estimated where follow-up is incomplete), shown with the freed time's 95% bootstrap interval and ranked, but Not compared: a funnel knows a count's chance variation, not an estimate's. A PCN whose freed time rests on sensitivity rates (no patient-level data, no assumed rate) has no single figure: [x].",
        "Wellbeing improvement pools the instruments: people with both scores on an instrument, improved by its meaningful change; the cohort is the wellbeing window's (follow-up due in it), not the benchmark window.",
        "Comparison at 99.8%: Better / Worse where a direction is better, Higher / Lower where none is (signposting per 1,000 GP appointments, social prescribing referrals per 1,000 patients); Similar inside the limits. Rank 1 is the best (highest where no direction is better).",
        "Every numerator is a count of the protected release as published (the metrics, social prescribing and wellbeing by PCN, equity): a hidden count ([c]) hides its indicator.",
    ];
}
