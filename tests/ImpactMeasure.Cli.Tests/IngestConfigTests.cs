using ImpactMeasure.Testing;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Cli.Tests;

public class IngestConfigTests
{
    [Fact]
    public async Task The_pseudonymisation_key_and_threshold_can_come_from_the_config_file()
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(EngineNames.DuckDb);
        var folder = Path.Combine(Path.GetTempPath(), $"impact-config-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var file = await WriteEventAsync(folder, "events.csv", "nhs_number", "E1", "943 476 5919");
            var config = Path.Combine(folder, "impact.json");
            await File.WriteAllTextAsync(config, """{ "etl": { "pseudonymisation_key": "a-key-from-the-config-file", "max_bad_rows": 0.1 } }""");
            var saved = Environment.GetEnvironmentVariable(Etl.Privacy.Pseudonymiser.KeyVariable);
            Environment.SetEnvironmentVariable(Etl.Privacy.Pseudonymiser.KeyVariable, null);
            try
            {
                var run = await CliRun.RunAsync("ingest", "--warehouse", test.Uri, "--config", config, file);

                run.ExitCode.Should().Be(ExitCodes.Ok, run.Out + run.Error);
            }
            finally
            {
                Environment.SetEnvironmentVariable(Etl.Privacy.Pseudonymiser.KeyVariable, saved);
            }
            await using var warehouse = await test.OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
            await using var connection = await warehouse.OpenConnectionAsync();
            (await connection.ScalarAsync<string>("select patient_pseudo_id from fact_signpost"))
                .Should().Be(new Etl.Privacy.Pseudonymiser("a-key-from-the-config-file").PseudoIdOf("9434765919"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("-1")]
    [InlineData("5")]
    public async Task A_bad_row_share_outside_0_to_1_is_a_usage_error(string share)
    {
        var run = await CliRun.RunAsync("ingest", "--warehouse", "duckdb:/nonexistent/never.duckdb", "--max-bad-rows", share, "x.csv");

        run.ExitCode.Should().Be(ExitCodes.Usage, run.Error);
        run.Error.Should().Contain($"--max-bad-rows {share}: expected a share of the rows between 0 and 1");
    }

    [Theory]
    [InlineData("{ \"etl\": { \"max_bad_rows\": 0.1 ", "not valid JSON (line")]
    [InlineData("{ \"metods\": { \"window_months\": 3 } }", "\"metods\" is not a section ImpactMeasure reads: expected one of etl, vocabulary, methods, pack, serve")]
    [InlineData("[1, 2]", "expected a JSON object")]
    [InlineData("{ \"etl\": { \"max_bad_rows\": 5 } }", "etl.max_bad_rows is 5: expected a share")]
    [InlineData("{ \"etl\": { \"max_bad_rowz\": 0.1 } }", "the etl section cannot be read")]
    public async Task A_malformed_config_file_is_one_line_naming_it(string json, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("impact-config-").FullName;
        try
        {
            var config = Path.Combine(folder, "impact.json");
            await File.WriteAllTextAsync(config, json);

            var run = await CliRun.RunAsync("ingest", "--warehouse", "duckdb:/nonexistent/never.duckdb", "--config", config, "x.csv");

            run.ExitCode.Should().Be(ExitCodes.Failed);
            run.Error.Should().StartWith($"impact: error: {config}: ").And.Contain(expected);
            run.Error.Should().NotContain("   at ", "no stack trace");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_short_key_only_stops_files_that_hold_nhs_numbers()
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(EngineNames.DuckDb);
        var folder = Directory.CreateTempSubdirectory("impact-config-").FullName;
        var saved = Environment.GetEnvironmentVariable(Etl.Privacy.Pseudonymiser.KeyVariable);
        try
        {
            var withNumbers = await WriteEventAsync(folder, "numbers.csv", "nhs_number", "E1", "943 476 5919");
            var withIds = await WriteEventAsync(folder, "ids.csv", "patient_id", "E2", "p-1");
            Environment.SetEnvironmentVariable(Etl.Privacy.Pseudonymiser.KeyVariable, "short");

            var run = await CliRun.RunAsync("ingest", "--warehouse", test.Uri, withNumbers, withIds);

            run.ExitCode.Should().Be(ExitCodes.InputRejected, run.Out + run.Error);
            run.Out.Should().Contain("the key in IMPACT_PSEUDO_KEY is shorter than 16 characters");
            run.Error.Should().NotContain("   at ");
            await using var warehouse = await test.OpenAsync(ImpactMeasure.Warehouse.WarehouseAccess.ReadOnly);
            await using var connection = await warehouse.OpenConnectionAsync();
            (await connection.ScalarAsync<string>("select event_id from fact_signpost")).Should().Be("E2");
        }
        finally
        {
            Environment.SetEnvironmentVariable(Etl.Privacy.Pseudonymiser.KeyVariable, saved);
            Directory.Delete(folder, recursive: true);
        }
    }

    // A one-event signposting extract identifying the patient by nhs_number or patient_id.
    private static async Task<string> WriteEventAsync(string folder, string name, string identityColumn, string eventId, string identity)
    {
        var path = Path.Combine(folder, name);
        await File.WriteAllLinesAsync(path,
        [
            $"event_id,event_date,practice_code,role,{identityColumn},destination_service_code,destination_service_name,destination_category,outcome",
            $"{eventId},2025-10-06,A81001,care_navigator,{identity},MSK1,Physio,physiotherapy_msk,accepted",
        ]);
        return path;
    }
}
