using System.CommandLine;
using ImpactMeasure.Warehouse;
using ImpactMeasure.Warehouse.Configuration;

namespace ImpactMeasure.Cli;

/// <summary>Options every verb shares.</summary>
public static class CommonOptions
{
    /// <summary><c>--warehouse URI</c>, else <c>IMPACT_WAREHOUSE</c>, else <c>duckdb:impact.duckdb</c>.</summary>
    public static Option<string?> Warehouse { get; } = new("--warehouse", "-w")
    {
        Description = "duckdb:PATH (default impact.duckdb), duckdb::memory:, postgres://user:pass@host:port/db "
                      + $"or an Npgsql connection string; default from {WarehouseLocation.EnvironmentVariable}",
        Recursive = true,
    };

    /// <summary><c>--config FILE</c> (default impact.json): read once, at the root, for every section a command uses.</summary>
    public static Option<string> Config { get; } = new("--config")
    {
        Description = "Configuration file with the sections etl, vocabulary, methods, pack and serve (default impact.json; absent: every default)",
        DefaultValueFactory = _ => "impact.json",
        Recursive = true,
    };

    /// <summary>The configuration file of this command, parsed once.</summary>
    public static ImpactConfiguration Configuration(ParseResult parse) => ImpactConfiguration.Load(parse?.GetValue(Config));
}
