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
            var file = Path.Combine(folder, "events.csv");
            await File.WriteAllLinesAsync(file,
            [
                "event_id,event_date,practice_code,role,nhs_number,destination_service_code,destination_service_name,destination_category,outcome",
                "E1,2025-10-06,A81001,care_navigator,943 476 5919,MSK1,Physio,physiotherapy_msk,accepted",
            ]);
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
}
