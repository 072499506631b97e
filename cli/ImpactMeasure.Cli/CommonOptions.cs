using System.CommandLine;
using ImpactMeasure.Warehouse;

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
}
