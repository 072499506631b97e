using ImpactMeasure.Testing;

namespace ImpactMeasure.Cli.Tests;

/// <summary><c>report monthly --each-pcn</c>: the area's pack and one per PCN in one run, with an index.</summary>
public class EachPcnTests
{
    [Theory, EveryEngine]
    public async Task Each_pcn_gets_its_own_pack_named_for_it_and_an_index_lists_them(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        (await CliRun.RunAsync("ingest", "-w", test.Uri, Path.Combine(RepositoryRoot.Path, "sample-data", "sample"))).ExitCode.Should().Be(ExitCodes.Ok);
        var folder = Path.Combine(Path.GetTempPath(), $"impact-each-{Guid.NewGuid():N}");
        try
        {
            var run = await CliRun.RunAsync("report", "monthly", "--period", "2025-09", "--each-pcn", "--area", "QXA", "--out", folder, "-w", test.Uri);

            run.ExitCode.Should().Be(ExitCodes.Ok, run.Error);
            var index = File.ReadAllLines(Path.Combine(folder, "index.csv"));
            index[0].Should().Be("area_code,level,area_name,file,freed_gp_appointments");
            var rows = index.Skip(1).Select(l => l.Split(',')).ToList();
            rows[0][0].Should().Be("QXA");
            rows.Where(r => r[1] == "PCN").Select(r => r[0]).Should().Contain(["U10001", "U10011"]).And.HaveCount(12, "the sample's 11 PCNs and the unallocated practices");
            foreach (var row in rows)
                File.Exists(Path.Combine(folder, row[3])).Should().BeTrue(row[3]);
            rows.Should().Contain(r => r[0] == "U10004" && r[2] == "INGLEBY PCN (U10004)");
            run.Out.Should().Contain("Wrote 13 packs for Sep 2025");
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Each_pcn_of_a_pcn_is_a_usage_error()
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(EngineNames.DuckDb);
        (await CliRun.RunAsync("ingest", "-w", test.Uri, Path.Combine(RepositoryRoot.Path, "sample-data", "sample", "reference"))).ExitCode.Should().Be(ExitCodes.Ok);

        // A folder of its own: the temporary folder's other files would be refused first (it "already holds report files").
        var run = await CliRun.RunAsync("report", "monthly", "--period", "2025-09", "--each-pcn", "--area", "U10001", "--out",
            Path.Combine(Path.GetTempPath(), $"impact-each-pcn-{Guid.NewGuid():N}"), "-w", test.Uri);

        run.ExitCode.Should().Be(ExitCodes.Usage);
        run.Error.Should().Contain("--each-pcn writes a pack per PCN of an ICB");
    }
}
