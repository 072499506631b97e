using ImpactMeasure.Testing;

namespace ImpactMeasure.Cli.Tests;

/// <summary><c>report benchmark</c>'s files: every PCN's view writes social prescribing and wellbeing by PCN beside the
/// indicators; one PCN's view, whose peers are anonymous, does not write those files, which name every PCN. Practices
/// are compared in practice_benchmark.csv: every practice, or in one PCN's view that PCN's own.</summary>
public class BenchmarkCommandTests
{
    [Theory, EveryEngine]
    public async Task Social_prescribing_by_pcn_is_written_beside_every_pcns_view_and_never_beside_an_anonymous_one(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        (await CliRun.RunAsync("ingest", "-w", test.Uri, Path.Combine(RepositoryRoot.Path, "sample-data", "sample"))).ExitCode.Should().Be(ExitCodes.Ok);
        var folder = Path.Combine(Path.GetTempPath(), $"impact-benchmark-{Guid.NewGuid():N}");
        try
        {
            var all = await CliRun.RunAsync("report", "benchmark", "--period", "2025-09", "--out", Path.Combine(folder, "all"), "-w", test.Uri);
            var one = await CliRun.RunAsync("report", "benchmark", "--period", "2025-09", "--peers", "icb", "--pcn", "U10004", "--out", Path.Combine(folder, "one"), "-w", test.Uri);

            all.ExitCode.Should().Be(ExitCodes.Ok, all.Error);
            one.ExitCode.Should().Be(ExitCodes.Ok, one.Error);
            Files(Path.Combine(folder, "all")).Should().Equal("equity.csv", "equity_wellbeing.csv", "inequality.csv", "pcn_benchmark.csv", "pcn_sp_caseload.csv", "pcn_wellbeing.csv", "practice_benchmark.csv",
                "similar_pcns.csv");
            Files(Path.Combine(folder, "one")).Should().Equal("equity.csv", "equity_wellbeing.csv", "inequality.csv", "pcn_benchmark.csv", "practice_benchmark.csv");
            // One PCN's view lists its own practices only, each on the seven practice indicators.
            var practices = Rows(Path.Combine(folder, "one", "practice_benchmark.csv"));
            practices[0].Take(3).Should().Equal("practice_code", "practice_name", "pcn_code");
            var own = File.ReadLines(Path.Combine(folder, "one", "practice_benchmark.csv")).Where(l => !l.StartsWith('#')).Skip(1).ToList();
            own.Should().NotBeEmpty().And.OnlyContain(l => l.Contains(",U10004,", StringComparison.Ordinal));
            Rows(Path.Combine(folder, "all", "practice_benchmark.csv")).Count.Should().BeGreaterThan(own.Count + 1, "every practice's view lists every practice");
            // Every PCN's group and its five nearest PCNs, written only beside the named view.
            var similar = Rows(Path.Combine(folder, "all", "similar_pcns.csv"));
            similar[0].Should().Equal("pcn_code", "pcn_name", "group", "of_groups", "registered_patients", "gp_appointments_per_1000_patients", "nearest_pcns");
            similar.Skip(1).Should().HaveCount(12).And.OnlyContain(r => r[6].Split(" ").Length == 5 && !r[6].Split(" ").Contains(r[0]));
            one.Out.Should().Contain("U10004 is in group ").And.NotContain("nearest PCNs", "one PCN's anonymous view names no other PCN");
            var caseload = Rows(Path.Combine(folder, "all", "pcn_sp_caseload.csv"));
            caseload[0].Should().Equal("pcn_code", "pcn_name", "referrals_received", "people_seen", "mean_days_to_first_contact", "sd_days_to_first_contact");
            caseload.Skip(1).Select(r => r[0]).Should().Contain("U10004");
            var indicators = Rows(Path.Combine(folder, "one", "pcn_benchmark.csv")).Skip(1).Where(r => r[0] == "U10004").Select(r => r[3]).ToList();
            indicators.Should().HaveCount(12).And.Contain(["representation_rate", "freed_per_1000_patients", "sp_referrals_per_1000_patients", "wellbeing_improvement_rate", "mean_days_to_first_contact"]);
            one.Out.Should().Contain("Mean days from referral to first link-worker contact");
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string> Files(string folder) => Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    private static List<string[]> Rows(string file) => File.ReadLines(file).Where(l => !l.StartsWith('#')).Select(l => l.Split(',')).ToList();
}
