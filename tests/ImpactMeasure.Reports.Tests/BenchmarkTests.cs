using ImpactMeasure.Reports.Benchmark;
using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests;

/// <summary>PCN benchmarking: a planted outlier is found and the others mostly are not (simulation with a known
/// answer); every figure rests on the protected release as published; one PCN's view names no other PCN.</summary>
[Collection(SampleWarehouseGroup.Name)]
public class BenchmarkTests(SampleWarehouses sample)
{
    [Fact]
    public void A_pcn_planted_with_a_high_inappropriate_rate_is_worse_and_few_of_the_others_are_flagged()
    {
        var random = new Random(20251204);
        const int peers = 200;
        var flaggedOthers = 0;
        var plantedFound = 0;
        for (var trial = 0; trial < 20; trial++)
        {
            var pcns = Enumerable.Range(0, peers).Select(i =>
            {
                var decisions = random.Next(150, 1500);
                var rate = i == 0 ? 0.16 : 0.08;
                var inappropriate = Enumerable.Range(0, decisions).Count(_ => random.NextDouble() < rate);
                return new PcnBenchmark.PcnCounts($"U{i:D5}", $"PCN {i}", "QXX", 100L, 60L, (long)decisions, (long)(decisions - inappropriate), 0L, (long)inappropriate, 10_000, 10_000);
            }).ToList();

            var rows = PcnBenchmark.Compare(pcns, "england").Where(r => r.Indicator.Key == "inappropriate_referral_rate").ToList();

            plantedFound += rows.Single(r => r.PcnCode == "U00000").Comparison == "Worse" ? 1 : 0;
            flaggedOthers += rows.Count(r => r.PcnCode != "U00000" && r.Comparison != "Similar");
        }
        plantedFound.Should().Be(20, "a doubled rate on 150+ decisions is far outside the 99.8% limits");
        // 0.2% of 199 × 20 ≈ 8 by chance; the planted PCN pulls the peer value up a little, so allow a margin.
        flaggedOthers.Should().BeLessThan(25, "only about 0.2% of in-control PCNs fall outside the 99.8% limits");
    }

    [Fact]
    public void Days_to_first_contact_a_pcn_planted_slow_is_worse_and_in_control_pcns_are_flagged_at_about_the_rate_the_limits_allow()
    {
        var random = new Random(20261205);
        const int peers = 200;
        var (plantedFound, flaggedOthers, covered, intervals) = (0, 0, 0, 0);
        for (var trial = 0; trial < 20; trial++)
        {
            var pcns = Enumerable.Range(0, peers).Select(i =>
            {
                // Days to first contact ~ normal(mean 12, sd 6) for every PCN but the first, planted at 16.
                var seen = random.Next(40, 400);
                var days = Enumerable.Range(0, seen).Select(_ => (i == 0 ? 16 : 12) + (6 * Normal(random))).ToList();
                var mean = days.Average();
                var sd = Math.Sqrt(days.Sum(d => (d - mean) * (d - mean)) / (seen - 1));
                return Pcn(i) with { SpSeen = (long)seen, MeanDays = mean, SdDays = sd };
            }).ToList();

            var rows = PcnBenchmark.Compare(pcns, "england", indicators: [Indicator.DaysToFirstContact]);

            plantedFound += rows.Single(r => r.PcnCode == "U00000").Comparison == "Worse" ? 1 : 0;
            var others = rows.Where(r => r.PcnCode != "U00000").ToList();
            flaggedOthers += others.Count(r => r.Comparison != "Similar");
            covered += others.Count(r => r.Lower95 <= 12 && 12 <= r.Upper95);
            intervals += others.Count;
            var row = rows[1];
            var half = 3.090232 * 6 / Math.Sqrt(row.Denominator!.Value);
            row.Limit998Upper!.Value.Should().BeApproximately(row.PeerValue!.Value + half, 0.15 * half, "the 99.8% limit is the peers' mean + 3.09 sigma / root n, sigma pooled (6)");
        }
        plantedFound.Should().Be(20, "four days slower on 40+ people is far outside the 99.8% limits (sd 6)");
        // 0.2% of 199 × 20 ≈ 8 by chance; the planted PCN pulls the peers' mean up a little.
        flaggedOthers.Should().BeLessThan(25, "only about 0.2% of in-control PCNs fall outside the 99.8% limits");
        ((double)covered / intervals).Should().BeInRange(0.93, 0.97, "each PCN's t interval covers the true mean about 95% of the time");
    }

    [Fact]
    public void Freed_time_is_ranked_with_its_interval_but_never_compared_and_sensitivity_rates_give_no_figure()
    {
        var pcns = new[]
        {
            Pcn(0) with { Freed = new PcnBenchmark.FreedEstimate(300.0, 250.0, 350.0, 3000.0, 10) },
            Pcn(1) with { Freed = new PcnBenchmark.FreedEstimate(100.0, 80.0, 120.0, 1000.0, 10) },
            Pcn(2) with { Freed = null },
        };

        var rows = PcnBenchmark.Compare(pcns, "england", indicators: [Indicator.FreedRate, Indicator.FreedMinutesRate]);

        var first = rows.Single(r => r.PcnCode == "U00000" && r.Indicator == Indicator.FreedRate);
        first.Value.Should().BeApproximately(30, 1e-9, "300 freed over 10,000 patients is 30 per 1,000");
        (first.Lower95, first.Upper95).Should().Be((25.0, 35.0), "the bootstrap interval scaled the same way");
        first.PeerValue.Should().BeApproximately(20, 1e-9, "400 freed over 20,000 patients: the PCN without a single figure is left out");
        first.Comparison.Should().Be(PcnBenchmark.NotCompared);
        first.Limit998Upper.Should().BeNull("an estimate has no funnel");
        first.Rank.Should().Be(1);
        rows.Single(r => r.PcnCode == "U00000" && r.Indicator == Indicator.FreedMinutesRate).Lower95.Should().BeApproximately(250, 1e-9, "minutes: the interval times 10 minutes an appointment");
        rows.Where(r => r.PcnCode == "U00002").Should().OnlyContain(r => r.Value == null && r.Comparison == "[x]", "sensitivity rates give no single figure");
    }

    private static PcnBenchmark.PcnCounts Pcn(int i) =>
        new($"U{i:D5}", $"PCN {i}", "QXX", 100L, 60L, 100L, 90L, 5L, 5L, 10_000, 10_000);

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void Overdispersed_rates_flag_many_pcns_without_adjustment_and_few_with_it()
    {
        var random = new Random(42);
        var pcns = Enumerable.Range(0, 200).Select(i =>
        {
            // Each PCN's true rate varies around 8% (sd 2.5 points) beyond binomial noise: overdispersion.
            var rate = Math.Clamp(0.08 + (0.025 * (Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))), 0.01, 0.3);
            var decisions = random.Next(400, 3000);
            var inappropriate = Enumerable.Range(0, decisions).Count(_ => random.NextDouble() < rate);
            return new PcnBenchmark.PcnCounts($"U{i:D5}", $"PCN {i}", "QXX", 100L, 60L, (long)decisions, (long)(decisions - inappropriate), 0L, (long)inappropriate, 10_000, 10_000);
        }).ToList();

        int Flagged(bool adjust) => PcnBenchmark.Compare(pcns, "england", overdispersion: adjust)
            .Count(r => r.Indicator.Key == "inappropriate_referral_rate" && r.Comparison != "Similar");

        Flagged(adjust: false).Should().BeGreaterThan(40, "binomial limits treat real variation between PCNs as special cause");
        Flagged(adjust: true).Should().BeLessThan(10, "FunnelPlotR's adjustment leaves about the 0.2% the limits allow, plus a few in the tails");
        PcnBenchmark.Compare(pcns, "england", overdispersion: true).First(r => r.Indicator.Key == "inappropriate_referral_rate").Funnel.Should().Contain("overdispersion-adjusted (phi ");
    }

    [Fact]
    public void Overdispersed_rates_per_1000_are_adjusted_too()
    {
        var random = new Random(43);
        var pcns = Enumerable.Range(0, 200).Select(i =>
        {
            // Signposting per 1,000 GP appointments varying around 16 between PCNs (sd 4) beyond Poisson noise.
            var appointments = random.Next(20_000, 120_000);
            var rate = Math.Max(2, 16 + (4 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())));
            var signposted = (long)Math.Round(appointments * rate / 1000);
            return new PcnBenchmark.PcnCounts($"U{i:D5}", $"PCN {i}", "QXX", signposted, signposted / 2, 100L, 90L, 5L, 5L, appointments, 10_000);
        }).ToList();

        int Flagged(bool adjust) => PcnBenchmark.Compare(pcns, "england", overdispersion: adjust)
            .Count(r => r.Indicator.Key == "signposting_per_1000_gp_appointments" && r.Comparison != "Similar");

        Flagged(adjust: false).Should().BeGreaterThan(100, "Poisson limits treat real variation between PCNs as special cause");
        Flagged(adjust: true).Should().BeLessThan(20, "few beyond the 0.2% the limits allow (9 of 200 with seed 43)");
        var row = PcnBenchmark.Compare(pcns, "england", overdispersion: true).First(r => r.Indicator.Key == "signposting_per_1000_gp_appointments");
        row.Funnel.Should().Contain("overdispersion-adjusted");
        row.Limit998Lower.Should().BeLessThan(row.PeerValue!.Value).And.BeGreaterThan(0, "the limits are back on the rate per 1,000 scale");
        row.Limit998Upper.Should().BeGreaterThan(row.PeerValue!.Value).And.BeLessThan(100);
    }

    [Fact]
    public void Similar_pcns_recovers_three_planted_groups_by_silhouette_and_is_the_same_on_every_run()
    {
        var random = new Random(7);
        double[] centre(int g) => g switch { 0 => [10, 100, 0.2, 0.1], 1 => [11.5, 140, 0.6, 0.2], _ => [9, 80, 0.4, 0.45] };
        var profiles = Enumerable.Range(0, 60).Select(i => new PcnProfile($"U{i:D5}",
            centre(i % 3).Select((c, f) => c + (random.NextDouble() - 0.5) * (f switch { 0 => 0.3, 1 => 8, _ => 0.05 })).ToArray())).ToList();

        var first = SimilarPcns.Cluster(profiles, seed: 11);
        var again = SimilarPcns.Cluster(profiles, seed: 11);

        first.K.Should().Be(3, "three groups are planted and the silhouette is highest at three");
        first.Silhouette.Should().BeGreaterThan(0.5);
        profiles.GroupBy(p => int.Parse(p.Code[1..], System.Globalization.CultureInfo.InvariantCulture) % 3)
            .Should().OnlyContain(g => g.Select(p => first.ClusterOf[p.Code]).Distinct().Count() == 1, "each planted group is one cluster");
        again.ClusterOf.Should().Equal(first.ClusterOf, "seeded, one thread: the same groups every run");
        first.Nearest["U00000"].Select(c => int.Parse(c.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) % 3).Should().OnlyContain(g => g == 0, "the nearest PCNs are of its own group");
    }

    [Fact]
    public void The_silhouette_is_one_for_tight_far_apart_groups_and_near_zero_for_one_cloud_split_in_two()
    {
        double[][] apart = [[0, 0], [0, 0.01], [10, 10], [10, 10.01]];
        SimilarPcns.Silhouette(apart, [1, 1, 2, 2]).Should().BeApproximately(1, 0.01);
        double[][] line = [[0], [1], [2], [3], [4], [5]];
        // By hand: points 0 and 5 score 0, 1 and 4 score (5/3 − 3)/3 = −4/9, 2 and 3 score (5/3 − 2)/2 = −1/6.
        SimilarPcns.Silhouette(line, [1, 2, 1, 2, 1, 2]).Should().BeApproximately(-11.0 / 54, 1e-12, "alternate points in two groups fit worse than one group");
    }

    [Fact]
    public void The_comparison_word_follows_the_measures_direction()
    {
        PcnBenchmark.Word(Statistics.FunnelSignificance.HighExtreme, Spc.ImprovementDirection.Increase).Should().Be("Better");
        PcnBenchmark.Word(Statistics.FunnelSignificance.HighExtreme, Spc.ImprovementDirection.Decrease).Should().Be("Worse");
        PcnBenchmark.Word(Statistics.FunnelSignificance.LowExtreme, Spc.ImprovementDirection.Neutral).Should().Be("Lower");
        PcnBenchmark.Word(Statistics.FunnelSignificance.High, Spc.ImprovementDirection.Increase).Should().Be("Similar", "the word is at 99.8%; the 95% label stays in the funnel column");
    }

    [Theory, EveryEngine]
    public async Task Every_figure_rests_on_the_release_as_published_and_a_hidden_count_hides_its_indicator(string engine)
    {
        await using var warehouse = await sample[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        var window = ReportWindow.Ending(new DateOnly(2025, 9, 1), 12, null);

        var release = await new BenchmarkReport(warehouse, new MethodParameters()).RunAsync(window, "england");
        var (metrics, table) = (release.Metrics, release.Table);

        var freed = metrics.FreedGpTime.Rows.Where(r => r.Breakdown == "pcn").ToDictionary(r => r.Code);
        var outcomes = metrics.ReferralOutcomes.Rows.Where(r => r.Breakdown == "pcn").ToDictionary(r => r.Code);
        table.Rows.Select(r => r.PcnCode).Distinct().Should().BeEquivalentTo(freed.Keys);
        var caseload = metrics.PcnCaseload.Rows.ToDictionary(r => r.PcnCode);
        var wellbeing = metrics.PcnWellbeing.Rows.ToLookup(r => r.PcnCode);
        object? Wellbeing(string pcn, Column<PcnWellbeingRow> column)
        {
            var shown = wellbeing[pcn].Select(r => metrics.PcnWellbeing.Show(r, column)).ToList();
            return shown.Any(v => v is SuppressedCell) ? SuppressedCell.Instance : shown.Sum(v => (long)v!);
        }
        object? Caseload(string pcn, Column<PcnCaseloadRow> column) => caseload.TryGetValue(pcn, out var r) ? metrics.PcnCaseload.Show(r, column) : 0L;
        foreach (var row in table.Rows)
        {
            var f = freed[row.PcnCode];
            var published = row.Indicator.Key switch
            {
                _ when Indicator.Practice.Contains(row.Indicator) => CountBehind(metrics, row.Indicator, f, outcomes.GetValueOrDefault(row.PcnCode)),
                "freed_per_1000_patients" => metrics.FreedGpTime.Show(f, FreedGpTimeColumns.FreedCentral),
                "freed_minutes_per_1000_patients" => metrics.FreedGpTime.Show(f, FreedGpTimeColumns.MinutesCentral),
                "sp_referrals_per_1000_patients" => Caseload(row.PcnCode, PcnCaseloadRow.ReferralsColumn),
                "wellbeing_improvement_rate" => Wellbeing(row.PcnCode, PcnWellbeingRow.ImprovedColumn),
                "mean_days_to_first_contact" => caseload.TryGetValue(row.PcnCode, out var c) ? metrics.PcnCaseload.Show(c, PcnCaseloadRow.MeanColumn) : null,
                var other => throw new InvalidOperationException($"the test does not know {other}"),
            };
            if (published is SuppressedCell)
                row.Comparison.Should().Be("[c]", $"{row.PcnCode} {row.Indicator.Key} rests on a hidden count");
            if (row.Numerator is long count)
                count.Should().Be((long)published!, $"{row.PcnCode} {row.Indicator.Key} uses the count as published");
            if (row.Numerator is double estimate)
                estimate.Should().Be((double)published!, $"{row.PcnCode} {row.Indicator.Key} uses the estimate as published");
            if (row.Indicator.Kind == IndicatorKind.Mean && row.Value is { } mean)
                mean.Should().Be((double)published!, $"{row.PcnCode}'s mean days is the published mean");
        }
        table.Rows.Select(r => r.Indicator.Key).Distinct().Should().Equal(Indicator.All.Select(i => i.Key));
        foreach (var kind in Enum.GetValues<IndicatorKind>())
            table.Rows.Should().Contain(r => r.Indicator.Kind == kind && r.Value != null, $"the sample gives a figure of every kind ({kind})");
        table.Rows.Where(r => r.Indicator.Kind == IndicatorKind.Estimate).Should().OnlyContain(r => r.Comparison == PcnBenchmark.NotCompared || r.Comparison == "[c]" || r.Comparison == "[x]",
            "an estimate is ranked, never given a word a funnel cannot back");
        table.Rows.Should().Contain(r => r.Comparison == "[c]", "the sample's 12-month release hides some PCN capacity rejections");
        table.Rows.Where(r => r.Value is not null).Should().OnlyContain(r => r.Rank >= 1 && r.Rank <= r.Ranked && r.Quartile >= 1 && r.Quartile <= 4);
    }

    [Theory, EveryEngine]
    public async Task One_pcns_view_shows_its_peers_as_peer_a_peer_b_and_its_own_practices_and_names_no_other_pcn(string engine)
    {
        await using var warehouse = await sample[engine].OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
        var window = ReportWindow.Ending(new DateOnly(2025, 9, 1), 12, null);
        var whole = await new BenchmarkReport(warehouse, new MethodParameters()).RunAsync(window, "icb");
        var all = whole.Table;

        var one = await new BenchmarkReport(warehouse, new MethodParameters()).RunAsync(window, "icb", "U10004");
        var view = one.Table;

        var others = all.Rows.Where(r => r.PcnCode != "U10004").SelectMany(r => new[] { r.PcnCode, r.PcnName }).Distinct().ToList();
        view.Rows.Take(Indicator.All.Count).Should().OnlyContain(r => r.PcnCode == "U10004");
        view.Rows.Skip(Indicator.All.Count).Select(r => r.PcnCode).Should().OnlyContain(c => c.StartsWith("Peer ", StringComparison.Ordinal));
        view.Rows.SelectMany(r => new[] { r.PcnCode, r.PcnName }).Should().NotContain(others);
        view.Rows.Where(r => r.PcnCode == "U10004").Select(r => r.Comparison)
            .Should().Equal(all.Rows.Where(r => r.PcnCode == "U10004").Select(r => r.Comparison), "anonymising peers changes no figure");
        // Lettered by the first indicator's value, highest first, not by the (public) codes.
        var lettered = view.Rows.Where(r => r.PcnCode != "U10004" && r.Indicator == Indicator.All[0] && r.Value is not null).ToList();
        lettered.OrderBy(r => r.PcnCode.Length).ThenBy(r => r.PcnCode, StringComparer.Ordinal).Select(r => r.Value).Should().BeInDescendingOrder();
        view.Methods.Should().Contain(BenchmarkReport.AnonymousPeers);
        BenchmarkReport.PeerLabel(0).Should().Be("Peer A");
        BenchmarkReport.PeerLabel(26).Should().Be("Peer AA");
        PracticesAreComparedOnPublishedCounts(whole, one.Practices.Rows);
    }

    // Practices are compared with practices on the counts the release publishes for each practice; one PCN's view
    // holds its own practices only, with the full table's figures. (Called from the view test, which has both runs.)
    private static void PracticesAreComparedOnPublishedCounts(BenchmarkRelease release, IReadOnlyList<BenchmarkRow> view)
    {
        var (metrics, practices) = (release.Metrics, release.Practices.Rows);

        practices.Select(r => r.Indicator.Key).Distinct().Should().Equal(Indicator.Practice.Select(i => i.Key));
        practices.Should().OnlyContain(r => r.Peers.StartsWith("practices of ICB ", StringComparison.Ordinal) && r.Pcn != null);
        var freed = metrics.FreedGpTime.Rows.Where(r => r.Breakdown == "practice").ToDictionary(r => r.Code);
        var outcomes = metrics.ReferralOutcomes.Rows.Where(r => r.Breakdown == "practice").ToDictionary(r => r.Code);
        var compared = 0;
        foreach (var row in practices.Where(r => freed.ContainsKey(r.PcnCode)))
        {
            var f = freed[row.PcnCode];
            var published = CountBehind(metrics, row.Indicator, f, outcomes.GetValueOrDefault(row.PcnCode));
            if (published is SuppressedCell)
                row.Comparison.Should().Be("[c]", $"{row.PcnCode} {row.Indicator.Key} rests on a hidden count");
            else if (row.Numerator is long count)
            {
                count.Should().Be((long)published!, $"{row.PcnCode} {row.Indicator.Key} uses the count as published");
                compared++;
            }
        }
        compared.Should().BeGreaterThan(100, "the sample's practices are mostly published");
        // The peers' value pools the group's published practices: events over denominators.
        foreach (var group in practices.Where(r => r.Indicator == Indicator.DivertedShare).GroupBy(r => r.Peers))
        {
            var pooled = group.Where(r => r.Value is not null).ToList();
            group.First().PeerValue.Should().BeApproximately(pooled.Sum(r => (long)r.Numerator!) / pooled.Sum(r => r.Denominator!.Value), 1e-12, group.Key);
        }
        practices.Where(r => r.Value is not null).Should().OnlyContain(r => r.Rank >= 1 && r.Rank <= r.Ranked);

        // One PCN's view: its own practices only, with the figures of the full table.
        view.Should().NotBeEmpty().And.OnlyContain(r => r.Pcn == "U10004");
        view.Select(r => (r.PcnCode, r.Indicator.Key, r.Value, r.Comparison, r.Rank))
            .Should().BeEquivalentTo(practices.Where(r => r.Pcn == "U10004").Select(r => (r.PcnCode, r.Indicator.Key, r.Value, r.Comparison, r.Rank)));
    }

    // The release's published count behind an indicator compared for PCNs and practices alike.
    private static object? CountBehind(MetricsResult metrics, Indicator indicator, FreedGpTimeRow freed, ReferralOutcomeRow? outcomes) => indicator.Key switch
    {
        "diverted_share" or "diverted_per_1000_patients" => metrics.FreedGpTime.Show(freed, FreedGpTimeColumns.Diverted),
        "signposting_per_1000_gp_appointments" => metrics.FreedGpTime.Show(freed, FreedGpTimeColumns.Signposted),
        "acceptance_rate" => metrics.ReferralOutcomes.Show(outcomes!, ReferralOutcomeColumns.AcceptedByService),
        "capacity_rejection_rate" => metrics.ReferralOutcomes.Show(outcomes!, ReferralOutcomeColumns.RejectedCapacity),
        "inappropriate_referral_rate" => metrics.ReferralOutcomes.Show(outcomes!, ReferralOutcomeColumns.RejectedInappropriate),
        "representation_rate" => metrics.FreedGpTime.Show(freed, FreedGpTimeColumns.Represented),
        var other => throw new InvalidOperationException($"the test does not know {other}"),
    };
}
