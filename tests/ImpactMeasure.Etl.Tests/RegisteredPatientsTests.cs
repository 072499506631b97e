using ImpactMeasure.Testing;

namespace ImpactMeasure.Etl.Tests;

/// <summary>The registered-patients extract: registrations land in dim_registered_patient with the practice resolved,
/// bad rows are quarantined with their reason, and a re-issue (an end date come) replaces the registration.</summary>
public class RegisteredPatientsTests
{
    private const string Header = "patient_id,practice_code,age_band,sex,imd_decile,registration_start,registration_end";

    [Theory, EveryEngine]
    public async Task Registrations_load_with_their_practice_and_a_reissue_replaces_them(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        await etl.IngestAsync(etl.Write("map.csv", "GP_CODE,PCN_CODE,SUB_ICB_LOCATION_CODE,ICB_CODE,REGION_CODE", "A81001,U12345,16C,QHM,Y63"));
        var good = Enumerable.Range(0, 40).Select(i => $"p-{i:D4},A81001,40-64,{(i % 2 == 0 ? "F" : "M")},{1 + (i % 10)},2020-01-01,");

        var first = await etl.IngestAsync(etl.Write("registered-patients-2025-09.csv", [Header, .. good, "p-bad,A81001,40-64,X,3,2020-01-01,"]));

        first.Status.Should().Be(LoadStatus.Loaded, first.Message);
        first.RowsLoaded.Should().Be(40);
        first.FirstProblems.Single().Should().StartWith("registered-patients-2025-09.csv:42: sex 'X' is not one of f, m, u");
        (await etl.CountAsync("select count(*) from dim_registered_patient as r inner join dim_practice as p on p.practice_key = r.practice_key where p.practice_code = 'A81001'"))
            .Should().Be(40);

        var second = await etl.IngestAsync(etl.Write("registered-patients-2025-10.csv", Header, "p-0001,A81001,40-64,M,2,2020-01-01,2025-10-15"));

        second.Status.Should().Be(LoadStatus.Loaded, second.Message);
        second.RowsUpdated.Should().Be(1);
        (await etl.CountAsync("select count(*) from dim_registered_patient")).Should().Be(40);
        (await etl.RowsAsync("select registered_to from dim_registered_patient where patient_pseudo_id = 'p-0001'"))[0][0].Should().NotBeNull();
    }

    [Theory, EveryEngine]
    public async Task A_registration_ending_before_it_starts_is_quarantined(string engine)
    {
        await using var etl = await EtlHarness.CreateAsync(engine);
        var rows = Enumerable.Range(0, 30).Select(i => $"p-{i:D4},A81001,18-39,F,5,2021-03-01,").Append("p-late,A81001,18-39,F,5,2021-03-01,2020-01-01");

        var result = await etl.IngestAsync(etl.Write("registered.csv", [Header, .. rows]));

        result.Status.Should().Be(LoadStatus.Loaded, result.Message);
        result.FirstProblems.Single().Should().Be("registered.csv:32: registration_end '2020-01-01' is before registration_start (2021-03-01)");
    }
}
