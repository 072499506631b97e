

namespace ImpactMeasure.Reports.Tests;

public class ConfigurationTests
{
    [Fact]
    public void The_methods_section_of_impact_json_sets_parameters_and_unknown_keys_are_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"impact-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, """{ "methods": { "assumed_representation_rate": 0.12, "default_gp_appointment_minutes": 9.22, "suppression_threshold": 5 } }""");
            var parameters = MethodParameters.Load(path);

            parameters.AssumedRepresentationRate.Should().Be(0.12);
            parameters.DefaultGpAppointmentMinutes.Should().Be(9.22);
            parameters.SuppressionThreshold.Should().Be(5);
            parameters.GpSessionMinutes.Should().Be(250, "defaults stay where not set");
            parameters.Describe().Should().Contain(p => p.Name == "assumed_representation_rate" && p.Value == "0.12");

            File.WriteAllText(path, """{ "methods": { "asumed_representation_rate": 0.12 } }""");
            var act = () => MethodParameters.Load(path);
            act.Should().Throw<InvalidDataException>().WithMessage("*asumed_representation_rate*");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_suppression_threshold_below_1_is_refused_naming_the_key_and_the_way_to_internal_files(int threshold)
    {
        var path = Path.Combine(Path.GetTempPath(), $"impact-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, $$"""{ "methods": { "suppression_threshold": {{threshold}} } }""");
            var act = () => MethodParameters.Load(path);
            act.Should().Throw<InvalidDataException>().WithMessage("*methods.suppression_threshold*at least 1*--no-suppression*NOT FOR SHARING*");

            File.WriteAllText(path, """{ "methods": { "suppression_rounding": 3 } }""");
            act.Should().Throw<InvalidDataException>().WithMessage("*suppression_rounding*0*5*");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("confidence", "1.5", "methods.confidence is 1.5: expected a value from 0.5 to 0.999 (a probability such as 0.95)")]
    [InlineData("confidence", "0", "methods.confidence is 0: expected a value from 0.5 to 0.999")]
    [InlineData("bootstrap_resamples", "0", "methods.bootstrap_resamples is 0: expected a value from 100 to 100000")]
    [InlineData("representation_window_days", "-14", "methods.representation_window_days is -14")]
    [InlineData("assumed_representation_rate", "1.2", "methods.assumed_representation_rate is 1.2: expected a value from 0 to 1")]
    [InlineData("gp_minutes_source", "\"guessed\"", "methods.gp_minutes_source is 'guessed': expected \"default\" or \"recorded\"")]
    [InlineData("window_months", "0", "methods.window_months is 0")]
    public void A_parameter_outside_its_range_is_refused_naming_the_key_and_the_range(string key, string value, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"impact-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, $$"""{ "methods": { "{{key}}": {{value}} } }""");
            var act = () => MethodParameters.Load(path);
            act.Should().Throw<InvalidDataException>().Which.Message.Should().StartWith(path + ": " + expected,
                "the message names the file, the key, the value and the range");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Without_a_file_the_methods_defaults_apply()
    {
        var parameters = MethodParameters.Load((string?)null);

        parameters.RepresentationWindowDays.Should().Be(14);
        parameters.AssumedRepresentationRate.Should().BeNull("METHODS §1: no silent default");
        parameters.CostPerConsultationGbp.Should().Be(49);
    }

    [Fact]
    public void Report_queries_read_only_dimensions_facts_and_reference_tables_and_always_order()
    {
        var queries = ReportQueries.Scripts.Paths.Where(p => !p.StartsWith("queries/fragments/", StringComparison.Ordinal)).ToList();
        foreach (var path in queries)
        {
            foreach (var engine in Enum.GetValues<ImpactMeasure.Warehouse.WarehouseEngine>())
                ReadsOnlyTheStar(path, string.Join("\n", ReportQueries.Text(path, engine).Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))));
        }
        queries.Should().HaveCount(24);
        // Every fragment is included by a query or another fragment, or is another engine's variant of one; an include
        // names a fragment that exists (Text throws otherwise).
        foreach (var fragment in ReportQueries.Scripts.Paths.Except(queries))
        {
            var include = "--@include " + fragment["queries/".Length..];
            var variantOf = fragment.Replace(".duckdb.sql", ".sql", StringComparison.Ordinal);
            if (variantOf != fragment)
                ReportQueries.Scripts.Paths.Should().Contain(variantOf, $"{fragment} stands in for it on DuckDB");
            else
                ReportQueries.Scripts.Paths.Should().Contain(q => ReportQueries.Scripts.Read(q).Contains(include, StringComparison.Ordinal), fragment);
        }
    }

    private static void ReadsOnlyTheStar(string path, string sql)
    {
        var named = System.Text.RegularExpressions.Regex.Matches(sql, @"\b([a-z_]+)\s+as\s+(?:materialized\s+)?\(").Select(m => m.Groups[1].Value).ToHashSet();
        var tables = System.Text.RegularExpressions.Regex.Matches(sql, @"(?<!distinct\s+)\b(?:from|join)\s+([a-z_]+)\b").Select(m => m.Groups[1].Value)
            .Where(t => !named.Contains(t)).ToList();
        var dataQuality = Path.GetFileName(path).StartsWith("rpt_data_quality_", StringComparison.Ordinal);
        tables.Should().OnlyContain(t => t.StartsWith("dim_", StringComparison.Ordinal) || t.StartsWith("fact_", StringComparison.Ordinal)
            || t.StartsWith("ref_", StringComparison.Ordinal) || (dataQuality && t.StartsWith("etl_", StringComparison.Ordinal)), path);
        Path.GetFileName(path).Should().StartWith("rpt_");
    }
}
