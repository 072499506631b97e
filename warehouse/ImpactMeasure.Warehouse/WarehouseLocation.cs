using Npgsql;

namespace ImpactMeasure.Warehouse;

/// <summary>Where a warehouse lives, parsed from a URI such as <c>duckdb:impact.duckdb</c> or <c>postgres://…</c>.</summary>
public sealed record WarehouseLocation(WarehouseEngine Engine, string ConnectionString, string Display)
{
    /// <summary>The environment variable that chooses the warehouse when no URI is given.</summary>
    public const string EnvironmentVariable = "IMPACT_WAREHOUSE";

    /// <summary>The warehouse used when neither an option nor the environment names one.</summary>
    public const string DefaultUri = "duckdb:impact.duckdb";

    private const string Expected =
        "expected duckdb:PATH, duckdb::memory:, postgres://user:pass@host:port/db or an Npgsql connection string (Host=…;Database=…)";

    /// <summary>The DuckDB file path, or null for PostgreSQL and in-memory DuckDB.</summary>
    public string? DuckDbPath { get; init; }

    /// <summary>True for <c>duckdb::memory:</c>.</summary>
    public bool IsInMemory => Engine == WarehouseEngine.DuckDb && DuckDbPath is null;

    /// <summary>Resolves the URI given on the command line, else <c>IMPACT_WAREHOUSE</c>, else the default.</summary>
    public static WarehouseLocation Resolve(string? uri) =>
        Parse(string.IsNullOrWhiteSpace(uri) ? Environment.GetEnvironmentVariable(EnvironmentVariable) ?? DefaultUri : uri);

    /// <summary>Parses a warehouse URI; throws <see cref="WarehouseException"/> with a one-line reason.</summary>
    public static WarehouseLocation Parse(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var text = uri.Trim();
        if (text.StartsWith("duckdb:", StringComparison.OrdinalIgnoreCase))
            return ParseDuckDb(text["duckdb:".Length..], uri);
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return ParsePostgresUri(text);
        if (text.Contains('=', StringComparison.Ordinal))
            return ParseNpgsqlConnectionString(text);
        throw new WarehouseException($"unrecognised warehouse '{uri}': {Expected}");
    }

    private static WarehouseLocation ParseDuckDb(string rest, string uri)
    {
        if (rest == ":memory:")
            return new WarehouseLocation(WarehouseEngine.DuckDb, "Data Source=:memory:", "duckdb::memory:");
        if (rest.Length == 0)
            throw new WarehouseException($"warehouse '{uri}' names no file: {Expected}");
        if (rest.Contains(';', StringComparison.Ordinal))
            throw new WarehouseException($"warehouse '{uri}': a DuckDB path may not contain ';'");
        var path = Path.GetFullPath(rest);
        return new WarehouseLocation(WarehouseEngine.DuckDb, $"Data Source={path}", $"duckdb:{rest}") { DuckDbPath = path };
    }

    private static WarehouseLocation ParsePostgresUri(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || string.IsNullOrEmpty(parsed.Host))
            throw new WarehouseException($"malformed PostgreSQL URI '{Mask(text)}': {Expected}");
        var database = Uri.UnescapeDataString(parsed.AbsolutePath.Trim('/'));
        if (database.Length == 0)
            throw new WarehouseException($"PostgreSQL URI '{Mask(text)}' names no database: add /DBNAME after host:port");
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = parsed.Host,
            Port = parsed.IsDefaultPort || parsed.Port < 0 ? 5432 : parsed.Port,
            Database = database,
        };
        var userInfo = parsed.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        if (userInfo.Length == 2)
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        ApplyQuery(builder, parsed.Query, text);
        return FromBuilder(builder);
    }

    private static void ApplyQuery(NpgsqlConnectionStringBuilder builder, string query, string text)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            try
            {
                builder[Uri.UnescapeDataString(parts[0])] = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "true";
            }
            catch (ArgumentException ex)
            {
                throw new WarehouseException($"PostgreSQL URI '{Mask(text)}': unknown option '{parts[0]}' ({ex.Message})", ex);
            }
        }
    }

    private static WarehouseLocation ParseNpgsqlConnectionString(string text)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException ex)
        {
            throw new WarehouseException($"malformed connection string: {ex.Message}; {Expected}", ex);
        }
        if (string.IsNullOrEmpty(builder.Host))
            throw new WarehouseException($"connection string names no Host: {Expected}");
        if (string.IsNullOrEmpty(builder.Database))
            throw new WarehouseException("connection string names no Database: add Database=NAME");
        return FromBuilder(builder);
    }

    private static WarehouseLocation FromBuilder(NpgsqlConnectionStringBuilder builder)
    {
        var user = string.IsNullOrEmpty(builder.Username) ? "" : builder.Username + "@";
        var display = $"postgres://{user}{builder.Host}:{builder.Port}/{builder.Database}";
        return new WarehouseLocation(WarehouseEngine.Postgres, builder.ConnectionString, display);
    }

    /// <summary>Hides a password in a URI so it can be printed.</summary>
    private static string Mask(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || scheme < 0)
            return text;
        var colon = text.IndexOf(':', scheme + 3);
        return colon > 0 && colon < at ? text[..(colon + 1)] + "***" + text[at..] : text;
    }

    /// <inheritdoc />
    public override string ToString() => Display;
}
