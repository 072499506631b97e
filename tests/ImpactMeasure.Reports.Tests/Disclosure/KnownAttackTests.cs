using ImpactMeasure.Reports.Disclosure;
using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests.Disclosure;

/// <summary>The attacks that recovered 95 hidden counts from the demo's 12-month metric files, each replayed: on
/// the files as suppression once made them (each table's columns on their own, small counts only) it succeeds,
/// on the files as released now it recovers nothing.</summary>
[Collection(SampleWarehouseGroup.Name)]
public sealed class KnownAttackTests(SampleWarehouses sample) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"impact-known-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_attacker_recovers_counts_when_only_small_counts_are_hidden()
    {
        var unsuppressed = await sample.MetricsAsync(EngineNames.DuckDb, "2025-09", 12, suppress: false);
        var primaryOnly = await PrimaryOnlyAsync();

        var outcome = ReleaseAttack.Run(primaryOnly.Tables, unsuppressed.Tables, primaryOnly.Window, primaryOnly.Parameters, primaryOnly.Members, 7);

        outcome.Inconsistent.Should().BeEmpty();
        outcome.Narrowed.Count.Should().BeGreaterThan(50, "without complementary suppression, sums and identities give hidden counts back");
    }

    [Fact]
    public async Task Subtraction_along_decisions_accepted_capacity_and_inappropriate_recovers_nothing()
    {
        static int Recoverable(string folder) => Read(folder, "referral_outcomes").Count(row =>
            new[] { "with_service_decision", "accepted_by_service", "rejected_capacity", "rejected_inappropriate" }.Count(c => row[c] == "[c]") == 1);

        Recoverable(await ReleasedAsync()).Should().Be(0);
        Recoverable(await PrimaryOnlyFolderAsync()).Should().BeGreaterThan(0, "the attack worked on the old files");
    }

    [Fact]
    public async Task Subtraction_along_practices_pcns_and_the_total_recovers_nothing()
    {
        var members = (await sample.MetricsAsync(EngineNames.DuckDb, "2025-09", 12, suppress: true)).Members;
        int Recoverable(string folder)
        {
            var rows = Read(folder, "referral_outcomes");
            var movers = members.GroupBy(m => m.Practice).Where(g => g.Count() > 1).SelectMany(g => g.Select(m => m.Pcn)).ToHashSet();
            var lines = rows.Where(r => r["breakdown"] == "pcn" && !movers.Contains(r["code"]))
                .Select(pcn => rows.Where(r => r["breakdown"] == "practice" && members.Contains((r["code"], pcn["code"]))).Append(pcn).ToList())
                .Append(rows.Where(r => r["breakdown"] is "all" or "pcn").ToList())
                .Append(rows.Where(r => r["breakdown"] is "all" or "practice").ToList());
            return lines.Sum(line => new[] { "referrals", "with_service_decision", "rejected_capacity", "rejected_inappropriate", "declined_by_patient", "pending" }
                .Count(column => line.Count(r => r[column] == "[c]") == 1));
        }

        Recoverable(await ReleasedAsync()).Should().Be(0);
        Recoverable(await PrimaryOnlyFolderAsync()).Should().BeGreaterThan(0, "the attack worked on the old files");
    }

    [Fact]
    public async Task Subtraction_along_a_services_months_recovers_nothing()
    {
        static int Recoverable(string folder)
        {
            var months = Read(folder, "service_overload");
            var windows = Read(folder, "referral_outcomes").Where(r => r["breakdown"] == "service").ToDictionary(r => r["code"]);
            return months.GroupBy(r => r["service_code"]).Sum(service => new[] { "with_service_decision", "rejected_capacity" }
                .Count(column => service.Count(r => r[column] == "[c]") + (windows[service.Key][column] == "[c]" ? 1 : 0) == 1));
        }

        Recoverable(await ReleasedAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Diverted_less_freed_appointments_gives_nothing_back()
    {
        foreach (var row in Read(await ReleasedAsync(), "freed_gp_time").Where(r => r["represented"] == "[c]"))
        {
            foreach (var column in new[] { "freed_low", "freed_central", "freed_high", "freed_lower_95", "freed_upper_95", "minutes_central", "cost_central_gbp", "representation_rate" })
                row[column].Should().Be("[c]", $"{column} of {row["code"]} would give the hidden re-presentations back");
        }
    }

    [Fact]
    public async Task A_rate_and_its_interval_never_rest_on_a_hidden_count_and_are_rounded_as_shown()
    {
        var folder = await ReleasedAsync();
        foreach (var row in Read(folder, "referral_outcomes"))
        {
            if (row["pending"] == "[c]" || row["declined_by_patient"] == "[c]" || row["referrals"] == "[c]")
                row["patient_uptake_lower_95"].Should().BeOneOf("[c]", "");
            if (row["rejected_capacity"] == "[c]" || row["with_service_decision"] == "[c]")
                row["capacity_rejection_upper_95"].Should().BeOneOf("[c]", "");
            foreach (var column in row.Keys.Where(k => k.Contains("rate", StringComparison.Ordinal) || k.Contains("_95", StringComparison.Ordinal) || k.StartsWith("patient_uptake", StringComparison.Ordinal)))
            {
                if (PublishedFile.Number(row[column]) is { } value)
                    Math.Round(value * 1000).Should().BeApproximately(value * 1000, 1e-9, $"{column} is published to 0.1 percentage points");
            }
        }
    }

    private async Task<string> ReleasedAsync()
    {
        var folder = Path.Combine(_folder, Guid.NewGuid().ToString("N"));
        (await sample.MetricsAsync(EngineNames.DuckDb, "2025-09", 12, suppress: true)).WriteCsv(folder);
        return folder;
    }

    private async Task<string> PrimaryOnlyFolderAsync()
    {
        var folder = Path.Combine(_folder, Guid.NewGuid().ToString("N"));
        (await PrimaryOnlyAsync()).WriteCsv(folder);
        return folder;
    }

    // Hides counts of 1 to 7 and what is computed from them, and nothing else.
    private async Task<MetricsResult> PrimaryOnlyAsync()
    {
        var result = await sample.MetricsAsync(EngineNames.DuckDb, "2025-09", 12, suppress: false);
        var release = new Release(result.Window.Key);
        foreach (var table in result.Tables)
            table.RegisterIn(release);
        var small = release.Keys.Where((_, i) => release.Values[i] is >= 1 and <= 7).ToList();
        var primaryOnly = new ImpactMeasure.Reports.Disclosure.Disclosure(small, 7, small.Count, 0);
        foreach (var table in result.Tables)
            table.Disclosure = primaryOnly;
        return result;
    }

    private static IReadOnlyList<IReadOnlyDictionary<string, string>> Read(string folder, string name) =>
        PublishedFile.Read(Path.Combine(folder, name + ".csv")).Rows;
}
