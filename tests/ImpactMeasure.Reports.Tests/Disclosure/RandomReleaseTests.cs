using ImpactMeasure.Reports.Disclosure;
using ImpactMeasure.Reports.Metrics;

namespace ImpactMeasure.Reports.Tests.Disclosure;

/// <summary>A property test: small random releases (practices in PCNs, services, months, link-worker referrals by
/// referrer role; most counts small) are suppressed and attacked over many seeds; no [c] is ever narrowed below
/// the threshold, whatever the threshold.</summary>
public class RandomReleaseTests
{
    private static readonly string[] Columns =
    [
        "month_start_date", "practice_code", "practice_name", "pcn_code", "pcn_name", "service_code", "service_name", "category_code", "role_code",
        "referrer_role_code", "referrals", "with_decision", "accepted_by_service", "rejected_capacity", "rejected_inappropriate", "declined_by_patient",
        "pending", "attended", "attended_days_to_outcome", "attended_days_squared",
    ];

    public static TheoryData<int, int> Seeds()
    {
        var data = new TheoryData<int, int>();
        for (var seed = 1; seed <= 200; seed++)
            data.Add(seed, seed % 3 == 0 ? 3 : seed % 3 == 1 ? 7 : 10);
        return data;
    }

    [Theory, MemberData(nameof(Seeds))]
    public void No_hidden_count_of_a_random_release_can_be_narrowed(int seed, int threshold) => Check(seed, threshold, Rows(new Random(seed), 4));

    // Over 150 hidden cells tied together are audited cell by cell on neighbourhoods, not by one program.
    [Theory]
    [InlineData(1001)]
    [InlineData(1002)]
    [InlineData(1003)]
    public void A_large_random_release_audited_cell_by_cell_is_protected(int seed) => Check(seed, 7, Rows(new Random(seed), 40), minimumHidden: 150);

    private static void Check(int seed, int threshold, List<ReportQueries.Row> rows, int minimumHidden = 0)
    {
        var window = ReportWindow.Ending(new DateOnly(2025, 3, 1), 3, null);
        var parameters = new MethodParameters { SuppressionThreshold = threshold };
        // The random rows are a finer grain: rolled up to rpt_referral_outcomes' breakdowns as the query does.
        var breakdowns = Outcomes.OutcomeRollup.Of(rows);
        IReadOnlyList<IMetricTable> Tables() =>
        [
            ReferralOutcomeMetrics.Build(breakdowns, window, parameters),
            ServiceOverload.Build(rows, window, parameters),
            SocialPrescribingMetrics.Caseload(breakdowns, window),
            SocialPrescribingMetrics.ByReferrer(breakdowns, window, parameters),
        ];
        var shared = Tables();
        var members = rows.Select(r => (r.Text("practice_code"), r.Text("pcn_code"))).Distinct().ToList();
        var release = new Release(window.Key);
        foreach (var (practice, pcn) in members)
            release.Member(practice, pcn);
        foreach (var table in shared)
            table.RegisterIn(release);
        var disclosure = release.Protect(threshold);
        foreach (var table in shared)
            table.Disclosure = disclosure;

        var outcome = ReleaseAttack.Run(shared, Tables(), window, parameters, members, threshold);

        outcome.Inconsistent.Should().BeEmpty();
        disclosure.Unprotected.Should().BeEmpty();
        outcome.Narrowed.Should().BeEmpty($"seed {seed}, threshold {threshold}, {outcome.Hidden} hidden");
        outcome.Hidden.Should().BeGreaterThanOrEqualTo(minimumHidden);
    }

    private static List<ReportQueries.Row> Rows(Random random, int maxPcns)
    {
        var index = Columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i);
        var rows = new List<ReportQueries.Row>();
        var pcns = random.Next(Math.Max(2, maxPcns - 2), maxPcns);
        var practices = Enumerable.Range(0, random.Next(pcns, 4 * pcns)).Select(p => ($"P{p:00}", $"N{p % pcns}")).ToList();
        // One practice moves PCN half-way through, as in the sample.
        var mover = random.Next(2) == 0 ? practices[0].Item1 : null;
        var services = Enumerable.Range(0, random.Next(2, 5)).Select(s => $"S{s}").ToList();
        foreach (var month in new[] { new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 1) })
        {
            foreach (var (practice, home) in practices)
            {
                var pcn = practice == mover && month.Month == 3 ? $"N{(int.Parse(home[1..], System.Globalization.CultureInfo.InvariantCulture) + 1) % pcns}" : home;
                foreach (var service in services.Where(_ => random.NextDouble() < 0.7))
                {
                    var (role, referrer) = service == "S0" ? ("social_prescribing_link_worker", random.Next(2) == 0 ? "gp" : "self") : ("care_navigator", "unknown");
                    long N(int max) => random.NextDouble() < 0.3 ? 0 : random.Next(1, max);
                    var (accepted, capacity, inappropriate, declined, pending, other) = (N(25), N(6), N(5), N(4), N(3), N(3));
                    var attended = accepted == 0 ? 0 : random.Next(0, (int)accepted + 1);
                    rows.Add(new ReportQueries.Row(index,
                    [
                        month, practice, practice, pcn, pcn, service, service, "other", role, referrer,
                        accepted + capacity + inappropriate + declined + pending + other, accepted + capacity + inappropriate, accepted, capacity, inappropriate,
                        declined, pending, attended, attended * 9L, attended * 81L,
                    ]));
                }
            }
        }
        return rows;
    }
}
