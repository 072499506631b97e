using ImpactMeasure.Testing;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Cli.Tests;

public class InitAndCheckTests
{
    [Theory, EveryEngine]
    public async Task Init_then_check_succeed_and_a_second_init_changes_nothing(string engine)
    {
        await using var test = TestWarehouse.Create(engine);

        var init = await CliRun.RunAsync("init", "--warehouse", test.Uri);
        var again = await CliRun.RunAsync("init", "--warehouse", test.Uri);
        var check = await CliRun.RunAsync("check", "--warehouse", test.Uri);

        init.ExitCode.Should().Be(ExitCodes.Ok, init.Error);
        init.Out.Should().Contain("Created").And.Contain("applied V001 star schema").And.Contain("applied V003 fill dim date");
        again.Out.Should().Contain($"up to date at schema version {ImpactMeasure.Warehouse.Migrations.Migrator.LatestVersion}; nothing changed");
        check.ExitCode.Should().Be(ExitCodes.Ok, check.Out + check.Error);
        check.Out.Should().MatchRegex(@"\d+ passed, 0 failed");
    }

    [Theory, EveryEngine]
    public async Task Check_prints_each_failure_with_sample_rows_and_exits_1(string engine)
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(engine);
        await using (var warehouse = await test.OpenAsync())
        await using (var connection = await warehouse.OpenConnectionAsync())
            await connection.ExecuteAsync("insert into fact_appointments values (42, 20250101, 0, 5, 1)");

        var check = await CliRun.RunAsync("check", "--warehouse", test.Uri);

        check.ExitCode.Should().Be(ExitCodes.Failed);
        check.Out.Should().Contain("FAIL assert_fact_appointments__keys_resolve: 1 offending row(s)")
            .And.Contain("practice_key").And.Contain("42")
            .And.Contain("FAIL assert_facts__from_loaded_batches: 1 offending row(s)", "the row has no loaded batch either")
            .And.MatchRegex(@"\d+ passed, 2 failed");
    }

    [Theory]
    [InlineData("init", "--warehouse", "mysql://h/db", "unrecognised warehouse 'mysql://h/db'")]
    [InlineData("init", "--warehouse", "postgres://u:pw@127.0.0.1:1/w", "cannot be reached")]
    [InlineData("check", "--warehouse", "duckdb:/nonexistent/dir/w.duckdb", "create this one with 'impact init -w")]
    public async Task Bad_warehouses_get_one_line_and_exit_1(string verb, string option, string uri, string reason)
    {
        var run = await CliRun.RunAsync(verb, option, uri);

        run.ExitCode.Should().Be(ExitCodes.Failed);
        run.Error.Should().StartWith("impact: error: ").And.Contain(reason);
        run.Error.TrimEnd().Split('\n').Should().ContainSingle();
        File.Exists("/nonexistent/dir/w.duckdb").Should().BeFalse();
    }

    [Fact]
    public async Task A_warehouse_newer_than_the_program_is_refused_and_left_unchanged()
    {
        await using var test = await TestWarehouse.CreateMigratedAsync(EngineNames.DuckDb);
        await using (var warehouse = await test.OpenAsync())
        await using (var connection = await warehouse.OpenConnectionAsync())
            await connection.ExecuteAsync("insert into schema_version values (99, 'future', 'x', $1)", DateTime.UtcNow);

        var init = await CliRun.RunAsync("init", "--warehouse", test.Uri);
        var check = await CliRun.RunAsync("check", "--warehouse", test.Uri);

        init.ExitCode.Should().Be(ExitCodes.Failed);
        init.Error.Should().Contain("schema version 99, newer than this program knows");
        check.ExitCode.Should().Be(ExitCodes.Failed);
    }

    [Fact]
    public async Task Unknown_verbs_are_usage_errors()
    {
        var run = await CliRun.RunAsync("frobnicate");

        run.ExitCode.Should().Be(ExitCodes.Usage);
        run.Error.Should().Contain("frobnicate");
    }
}
