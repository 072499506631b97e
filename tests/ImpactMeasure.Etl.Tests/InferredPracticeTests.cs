using ImpactMeasure.Testing;

namespace ImpactMeasure.Etl.Tests;

/// <summary>Practices first seen in an extract (Kimball's inferred members): attributed from the file's own columns,
/// completed by a practice map loaded later, and never left at Unknown when a code could be placed.</summary>
public class InferredPracticeTests
{
    private const string MapHeader = "GP_CODE,GP_NAME,PCN_CODE,PCN_NAME,SUB_ICB_LOCATION_CODE,ICB_CODE,ICB_NAME,REGION_CODE";

    [Theory, EveryEngine]
    public async Task A_map_loaded_after_the_crosstab_completes_the_inferred_practice_in_place(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var crosstab = await etl.IngestAsync(etl.Write("crosstab-2025-10.csv", Fixtures.CrosstabFile(Fixtures.Crosstab(5), Fixtures.Crosstab(7, practice: "A81002"))));

        var map = await etl.IngestAsync(etl.Write("map-2025-11.csv", MapHeader,
            "A81001,SMITH JONES,U12345,TEST PCN,16C,QHM,NHS TEST ICB,Y63", "A81002,ANOTHER,U12345,TEST PCN,16C,QHM,NHS TEST ICB,Y63"));

        crosstab.RowsUnknown.Should().Be(0);
        map.Message.Should().Contain("2 practices inferred from earlier extracts were completed by this map");
        (await etl.CountAsync("select count(*) from dim_practice where practice_code in ('A81001', 'A81002')")).Should().Be(2, "the map agrees with the file: no new version");
        (await etl.CountAsync("select count(*) from dim_practice where practice_code in ('A81001', 'A81002') and icb_code = 'QHM' and not is_inferred")).Should().Be(2);
        (await etl.CountAsync(
            "select sum(f.appointment_count) from fact_appointments f join dim_practice p on p.practice_key = f.practice_key where p.icb_code = 'QHM'"))
            .Should().Be(12, "the rows loaded before the map are in the map's ICB now");
        (await etl.RowsAsync("select practice_name from dim_practice where practice_code = 'A81001'"))[0][0]
            .Should().Be("SMITH JONES", "the map's name replaces the extract's spelling in place");
    }

    [Theory, EveryEngine]
    public async Task An_inferred_practice_takes_its_icb_from_a_known_practice_of_its_sub_icb(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        await etl.IngestAsync(etl.Write("map.csv", MapHeader, "A81009,KNOWN,U12345,TEST PCN,16C,QHM,NHS TEST ICB,Y63"));

        await etl.IngestAsync(etl.Write("crosstab.csv", Fixtures.CrosstabFile(Fixtures.Crosstab(5))));

        (await etl.RowsAsync("select icb_code, is_inferred from dim_practice where practice_code = 'A81001'"))[0]
            .Should().Equal(["QHM", true], "sub-ICB 16C is in ICB QHM by the map");
    }

    [Theory, EveryEngine]
    public async Task A_map_that_disagrees_starts_a_new_version_and_earlier_months_keep_what_the_file_said(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        await etl.IngestAsync(etl.Write("crosstab-2025-10.csv", Fixtures.CrosstabFile(Fixtures.Crosstab(5))));

        await etl.IngestAsync(etl.Write("map-2025-11.csv", MapHeader, "A81001,SMITH JONES,U99999,OTHER PCN,16C,QHM,NHS TEST ICB,Y63"));

        var versions = await etl.RowsAsync("select pcn_code, is_current, is_inferred from dim_practice where practice_code = 'A81001' order by valid_from");
        versions.Select(v => v[0]).Should().Equal(["U12345", "U99999"], "the October rows stay in the PCN the October file named");
        (await etl.CountAsync(
            "select sum(f.appointment_count) from fact_appointments f join dim_practice p on p.practice_key = f.practice_key where p.pcn_code = 'U12345'"))
            .Should().Be(5);
    }

    [Theory, EveryEngine]
    public async Task A_practice_known_only_by_code_counts_as_unplaced_until_a_map_places_its_rows(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var signposting = await etl.IngestAsync(etl.Write("signposting.csv", Fixtures.SignpostingHeader, Fixtures.Signpost("E1"), Fixtures.Signpost("E2", patient: "p-0002")));

        signposting.RowsUnknown.Should().Be(2, "nothing in the file places practice A81001");
        signposting.UnknownCodes.Should().Equal("A81001");
        signposting.Message.Should().Contain("1 known only by code");
        (await etl.CountAsync("select count(*) from fact_signpost where practice_key = 0")).Should().Be(0, "the rows point at the inferred practice, not at Unknown");

        var map = await etl.IngestAsync(etl.Write("map.csv", MapHeader, "A81001,SMITH JONES,U12345,TEST PCN,16C,QHM,NHS TEST ICB,Y63"));
        var again = await etl.IngestAsync(etl.Write("signposting-2.csv", Fixtures.SignpostingHeader, Fixtures.Signpost("E3", patient: "p-0003")));

        map.Message.Should().Contain("1 practices inferred from earlier extracts were completed by this map");
        (await etl.CountAsync(
            "select count(*) from fact_signpost f join dim_practice p on p.practice_key = f.practice_key where p.pcn_code = 'U12345' and p.icb_code = 'QHM'"))
            .Should().Be(3, "the two rows loaded before the map are placed by it, and the next file's row too");
        again.RowsUnknown.Should().Be(0);
    }

    [Theory, EveryEngine]
    public async Task A_code_that_is_not_a_practice_code_goes_to_unknown_and_is_counted(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);

        var result = await etl.IngestAsync(etl.Write("c.csv", Fixtures.CrosstabFile(Fixtures.Crosstab(5), Fixtures.Crosstab(6, practice: "NOTCODE"))));

        result.RowsUnknown.Should().Be(1);
        result.UnknownCodes.Should().Equal("NOTCODE");
        (await etl.CountAsync("select sum(appointment_count) from fact_appointments where practice_key = 0")).Should().Be(6);
        (await etl.CountAsync("select count(*) from dim_practice where practice_code = 'NOTCODE'")).Should().Be(0, "only practice codes are inferred");
    }
}
