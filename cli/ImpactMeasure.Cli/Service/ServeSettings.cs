using System.Text.Json.Serialization;
using ImpactMeasure.Warehouse.Configuration;

namespace ImpactMeasure.Cli.Service;

/// <summary>The "serve" section of impact.json: where files arrive, where packs go, and the timetable.</summary>
public sealed record ServeSettings
{
    public string Warehouse { get; init; } = "duckdb:impact.duckdb";

    /// <summary>The warehouse as every command finds it: <c>-w</c>, else <c>IMPACT_WAREHOUSE</c>
    /// (<paramref name="environment"/>), else serve.warehouse of impact.json, else the default.</summary>
    public ServeSettings WithWarehouse(string? commandLine, string? environment) =>
        commandLine is { Length: > 0 } ? this with { Warehouse = commandLine }
        : environment is { Length: > 0 } ? this with { Warehouse = environment }
        : this;

    public string DropFolder { get; init; } = "drop";

    public string OutputFolder { get; init; } = "out";

    /// <summary>Where the service writes its rolling daily log (compact JSON, one event a line).</summary>
    public string LogFolder { get; init; } = "logs";

    /// <summary>Quartz cron (seconds first): every 15 minutes.</summary>
    public string IngestCron { get; init; } = "0 0/15 * * * ?";

    /// <summary>06:00 on weekdays; the job itself runs only on the month's fifth working day (dim_date).</summary>
    public string PackCron { get; init; } = "0 0 6 ? * MON-FRI";

    public int PackWorkingDay { get; init; } = 5;

    /// <summary>A file is picked up once its size and time have not changed for this long.</summary>
    public double StableSeconds { get; init; } = 2;

    /// <summary>The share of mapped practices that must have GPAD appointments for the month before its pack is written.</summary>
    public double MinimumCoverage { get; init; } = 0.9;

    public int Retries { get; init; } = 3;

    public double RetryBackoffSeconds { get; init; } = 30;

    /// <summary>The file these settings came from: its "etl" and "methods" sections apply to the jobs too.</summary>
    [JsonIgnore]
    public ImpactConfiguration Configuration { get; init; } = ImpactConfiguration.Empty;


    public static ServeSettings Load(ImpactConfiguration configuration) =>
        (ConfigSection.Load<ServeSettings>(configuration, "serve") ?? new ServeSettings()) with { Configuration = configuration };
}
