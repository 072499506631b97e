using ImpactMeasure.Etl.Vocabulary;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Etl.Tests;

/// <summary>A supplier's own words for categories, outcomes and roles, mapped through impact.json's "vocabulary"
/// section (or the CSV it names) as rows are read, recorded with the batch; and the suggestions for a new supplier.</summary>
public class VocabularyMapTests
{
    // A supplier's export: its own words in destination_category and outcome.
    private static string[] SupplierFile() =>
    [
        Fixtures.SignpostingHeader,
        Fixtures.Signpost("S1").Replace(",physiotherapy_msk,", ",Physiotherapy,", StringComparison.Ordinal),
        Fixtures.Signpost("S2", patient: "p-0002").Replace(",physiotherapy_msk,", ",vcse,", StringComparison.Ordinal).Replace(",MSK1,", ",VCSE1,", StringComparison.Ordinal),
        Fixtures.Signpost("S3", patient: "p-0003").Replace(",physiotherapy_msk,", ",physiotherapy,", StringComparison.Ordinal).Replace(",accepted,", ",Completed,", StringComparison.Ordinal),
        Fixtures.Signpost("S4", patient: "p-0004"),
    ];

    [Theory, EveryEngine]
    public async Task Without_a_map_the_suppliers_words_are_quarantined_with_the_way_out_named(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);

        var result = await etl.IngestAsync(etl.Write("supplier.csv", SupplierFile()));

        result.Status.Should().Be(LoadStatus.Rejected, "three of four rows are bad");
        result.FirstProblems.Should().Contain(p => p.Contains("destination_category", StringComparison.Ordinal) && p.Contains("(nearest: physiotherapy_msk)", StringComparison.Ordinal)
            && p.Contains("\"vocabulary\"", StringComparison.Ordinal) && p.Contains("impact vocab suggest", StringComparison.Ordinal));
    }

    [Theory, EveryEngine]
    public async Task With_a_map_in_impact_json_the_file_loads_and_the_batch_records_what_was_mapped(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var config = etl.Write("impact.json",
            """{ "vocabulary": { "destination_category": { "physiotherapy": "physiotherapy_msk", "VCSE": "vcse_group" }, "outcome": { "completed": "attended" } } }""");
        etl.Options = etl.Options with { Vocabulary = EtlSettings.Load(config).Vocabulary };

        var result = await etl.IngestAsync(etl.Write("supplier.csv", SupplierFile()));

        result.Status.Should().Be(LoadStatus.Loaded, result.Message);
        result.RowsQuarantined.Should().Be(0);
        result.Message.Should().Contain("mapped by impact.json vocabulary: destination_category");
        (await etl.RowsAsync("select service_code, category_code from dim_service where service_code in ('MSK1', 'VCSE1') order by service_code"))
            .Select(r => $"{r[0]}={r[1]}").Should().Equal("MSK1=physiotherapy_msk", "VCSE1=vcse_group");
        (await etl.CountAsync("select count(*) from fact_signpost f join dim_outcome o on o.outcome_key = f.outcome_key where o.outcome_code = 'attended'")).Should().Be(1);
        var recorded = await etl.RowsAsync("select column_name, source_value, code, row_count from etl_vocabulary_use where load_batch_id = $1 order by column_name, source_value", result.BatchId);
        recorded.Select(r => $"{r[0]}:{r[1]}→{r[2]}×{r[3]}").Should().Equal(
            "destination_category:Physiotherapy→physiotherapy_msk×1", "destination_category:physiotherapy→physiotherapy_msk×1",
            "destination_category:vcse→vcse_group×1", "outcome:Completed→attended×1");
    }

    [Fact]
    public void A_map_can_live_in_a_csv_file_that_impact_json_names()
    {
        var folder = Directory.CreateTempSubdirectory("impact-vocab-").FullName;
        File.WriteAllLines(Path.Combine(folder, "supplier.csv"), ["column,value,code", "destination_category,Physio,physiotherapy_msk", "role,Link Worker,social_prescribing_link_worker"]);
        File.WriteAllText(Path.Combine(folder, "impact.json"), """{ "vocabulary": { "file": "supplier.csv" } }""");

        var map = VocabularyMap.Load(Path.Combine(folder, "impact.json"));

        map.TryMap("destination_category", " PHYSIO ", out var category).Should().BeTrue();
        category.Should().Be("physiotherapy_msk");
        map.TryMap("role", "link worker", out var role).Should().BeTrue();
        role.Should().Be("social_prescribing_link_worker");
        map.TryMap("outcome", "physio", out _).Should().BeFalse("a map is per column");
    }

    [Theory]
    [InlineData("""{ "vocabulary": { "colour": { "red": "other" } } }""", "vocabulary.colour.red: colour is not a coded column")]
    [InlineData("""{ "vocabulary": { "outcome": { "completed": "finished" } } }""", "vocabulary.outcome.completed: maps to \"finished\", which outcome does not accept: expected one of accepted")]
    [InlineData("""{ "vocabulary": { "outcome": "attended" } }""", "vocabulary.outcome must map a supplier's values to codes")]
    public void A_map_that_cannot_be_right_is_refused_naming_the_key(string json, string expected)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("impact-vocab-").FullName, "impact.json");
        File.WriteAllText(path, json);

        var load = () => VocabularyMap.Load(path);

        load.Should().Throw<InvalidDataException>().Which.Message.Should().Contain(expected);
    }

    [Fact]
    public void Suggest_lists_each_unmapped_value_with_its_count_and_nearest_code_and_writes_a_map_that_loads()
    {
        var folder = Directory.CreateTempSubdirectory("impact-vocab-").FullName;
        var file = Path.Combine(folder, "supplier.csv");
        File.WriteAllLines(file, SupplierFile());

        var values = VocabularySuggestions.Find([file], VocabularyMap.Empty);

        values.Select(v => $"{v.Column}:{v.Value}×{v.Rows}→{v.Nearest[0]}").Should().Equal(
            "destination_category:Physiotherapy×1→physiotherapy_msk", "destination_category:physiotherapy×1→physiotherapy_msk",
            "destination_category:vcse×1→vcse_group", "outcome:Completed×1→" + LocalVocabulary.Nearest("outcome", "Completed")[0]);
        var starter = Path.Combine(folder, "impact.json");
        File.WriteAllText(starter, VocabularySuggestions.StarterMap(values));
        var map = VocabularyMap.Load(starter);
        map.TryMap("destination_category", "vcse", out var code).Should().BeTrue("the starter map is valid configuration as written");
        code.Should().Be("vcse_group");
        VocabularySuggestions.Find([file], map).Should().BeEmpty("with the starter map in force nothing is left unmapped");
    }
}
