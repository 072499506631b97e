using System.Text.Json;
using ImpactMeasure.Testing;
using ImpactMeasure.Warehouse.Checks;

namespace ImpactMeasure.Etl.Tests;

/// <summary>The committed sample set loads whole and the warehouse agrees with its truth.json.</summary>
public class SampleSetTests
{
    private static readonly string Sample = Path.Combine(RepositoryRoot.Path, "sample-data", "sample");
    private static readonly JsonElement Truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(Sample, "truth.json"))).RootElement;

    [Theory, EveryEngine]
    public async Task The_sample_set_loads_whole_and_matches_its_truth(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        etl.Options = etl.Options with { AsOf = null };

        var results = await etl.IngestAllAsync(Sample);

        results.Should().OnlyContain(r => r.Status == LoadStatus.Loaded || r.Status == LoadStatus.NoRows, string.Join("; ", results.Select(r => r.Message)));
        results.Where(r => r.Status == LoadStatus.NoRows).Select(r => r.File).Should().OnlyContain(f => f.StartsWith("wellbeing-", StringComparison.Ordinal),
            "the sample's header-only files are the wellbeing months before link workers started, each recorded on its own");
        results.Where(r => r.Status == LoadStatus.NoRows).Select(r => r.BatchId).Should().OnlyHaveUniqueItems();
        results.Sum(r => r.RowsQuarantined).Should().Be(0);
        results.Where(r => r.Format != "practice-mapping" && r.Format != "list-size").Sum(r => r.RowsUnknown).Should().Be(0, "the practice maps load first");
        (await etl.CountAsync("select sum(appointment_count) from fact_appointments"))
            .Should().Be(Truth.GetProperty("appointments").GetProperty("total_practice_level_appointments").GetInt64());
        var mover = Truth.GetProperty("geography").GetProperty("practice_moving_pcn");
        (await etl.RowsAsync("select pcn_code from dim_practice where practice_code = $1 order by valid_from", mover.GetProperty("practice_code").GetString()))
            .Select(r => (string)r[0]!).Should().Equal(mover.GetProperty("from_pcn").GetString(), mover.GetProperty("to_pcn").GetString());
        var signpostRows = Truth.GetProperty("files").GetProperty("signposting").GetProperty("rows").GetInt64();
        (await etl.CountAsync("select count(*) from fact_signpost")).Should().BeLessThan(signpostRows, "pending events were published twice");
        (await etl.CountAsync("select count(*) from fact_signpost f join dim_outcome o on o.outcome_key = f.outcome_key where o.outcome_code = 'pending'"))
            .Should().BeLessThan(200, "only the last month's pending events stay pending");
        (await etl.CountAsync("select count(*) from fact_wellbeing")).Should().Be(Truth.GetProperty("files").GetProperty("wellbeing").GetProperty("rows").GetInt64());
        (await new DataChecks(etl.Warehouse).RunAllAsync()).Where(c => !c.Passed).Select(c => c.Name).Should().BeEmpty();
    }
}
