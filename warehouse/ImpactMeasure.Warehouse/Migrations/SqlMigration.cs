using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Warehouse.Migrations;

/// <summary>A migration written as an embedded <c>sql/00_schema/V###__name.sql</c> file; a
/// <c>V###__name.postgres.sql</c> (or <c>.duckdb.sql</c>) file runs on that engine only and is recorded, doing
/// nothing, on the other, so both engines keep the same version numbers.</summary>
public sealed partial class SqlMigration : Migration
{
    private readonly string _script;

    public SqlMigration(string path, string script)
    {
        var match = FileName().Match(SqlScripts.NameOf(path));
        if (!match.Success)
            throw new InvalidOperationException($"migration file '{path}' is not named V###__description.sql");
        Version = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Description = match.Groups[2].Value.Replace('_', ' ');
        OnlyOn = match.Groups[3].Success
            ? match.Groups[3].Value == "postgres" ? WarehouseEngine.Postgres : WarehouseEngine.DuckDb
            : null;
        _script = script;
        Checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script.ReplaceLineEndings("\n"))));
    }

    public override int Version { get; }

    public override string Description { get; }

    public override string Checksum { get; }

    /// <summary>The engine this migration is for, or null for both.</summary>
    public WarehouseEngine? OnlyOn { get; }

    public override Task ApplyAsync(Warehouse warehouse, DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        return OnlyOn is { } engine && engine != warehouse.Engine ? Task.CompletedTask : connection.ExecuteScriptAsync(_script);
    }

    [GeneratedRegex(@"^V(\d{3})__(\w+?)(?:\.(postgres|duckdb))?$")]
    private static partial Regex FileName();
}
