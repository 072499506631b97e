using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using DuckDB.NET.Data;

namespace ImpactMeasure.Reports.Export;

/// <summary><c>impact export parquet</c>: the star schema as a Hive-partitioned Parquet lake for Spark-based data
/// platforms (facts under <c>fact/year=YYYY/month=M/</c>, dimensions and reference tables whole) with
/// <c>_manifest.json</c> (schema version, the batches in each month, row counts and SHA-256 of every file). A DuckDB
/// warehouse writes the files itself (its own COPY … TO, at its own speed); any other engine is read through its own
/// connection and written by an in-memory DuckDB, so a PostgreSQL warehouse exports the same layout. Incremental: a
/// fact month is rewritten only when the batches behind it changed since the manifest found in the folder.</summary>
public sealed class ParquetExport(ImpactMeasure.Warehouse.Warehouse warehouse)
{
    public const string ManifestName = "_manifest.json";

    // Year and month of a yyyymmdd key in SQL both engines evaluate alike (DuckDB's / divides as decimals).
    private const string Year = "cast((date_key - date_key % 10000) / 10000 as integer)";
    private const string Month = "cast(((date_key % 10000) - (date_key % 100)) / 100 as integer)";

    /// <summary>The facts, partitioned by the year and month of their date key (yyyymmdd).</summary>
    public static IReadOnlyList<string> Facts { get; } =
        ["fact_appointments", "fact_gpad_coverage", "fact_list_size", "fact_patient_appointment", "fact_signpost", "fact_subicb_appointments", "fact_wellbeing"];

    /// <summary>The dimensions and reference tables, written whole.</summary>
    public static IReadOnlyList<string> Dimensions { get; } =
        ["dim_appointment_profile", "dim_date", "dim_instrument", "dim_outcome", "dim_patient_band", "dim_practice", "dim_reason", "dim_registered_patient", "dim_role", "dim_service",
         "ref_service_category"];

    public async Task<ExportManifest> RunAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder);
        var previous = ExportManifest.Read(Path.Combine(folder, ManifestName));
        await using var source = await warehouse.OpenConnectionAsync(cancellationToken);
        using var lake = new DuckDBConnection("DataSource=:memory:");
        await lake.OpenAsync(cancellationToken);
        var version = Convert.ToInt32(await Scalar(source, "select max(version) from schema_version"), CultureInfo.InvariantCulture);
        var tables = new List<ExportedTable>();
        foreach (var dimension in Dimensions)
        {
            var file = Path.Combine(folder, dimension, "data.parquet");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await WriteAsync(source, lake, dimension, $"select * from {dimension}", $"'{Escape(file)}' (format parquet)", cancellationToken);
            var rows = Convert.ToInt64(await Scalar(source, $"select count(*) from {dimension}"), CultureInfo.InvariantCulture);
            tables.Add(new ExportedTable(dimension, rows, [], [Checksum(folder, file)]));
        }
        foreach (var fact in Facts)
        {
            var months = await BatchesByMonthAsync(source, fact);
            var old = previous?.Tables.FirstOrDefault(t => t.Name == fact)?.Months ?? [];
            var changed = months.Where(m => !old.Any(o => o.Year == m.Year && o.Month == m.Month && o.Batches.SequenceEqual(m.Batches))).ToList();
            // Months gone from the warehouse (superseded away) and months changed: their partitions are written anew.
            foreach (var gone in old.Where(o => !months.Any(m => m.Year == o.Year && m.Month == o.Month)).Concat(changed))
            {
                var partition = Path.Combine(folder, fact, $"year={gone.Year}", $"month={gone.Month}");
                if (Directory.Exists(partition))
                    Directory.Delete(partition, recursive: true);
            }
            if (changed.Count > 0)
            {
                // A first export writes every month: no filter to evaluate per row then.
                var filter = changed.Count == months.Count ? "true"
                    : $"{Year} * 100 + {Month} in ({string.Join(", ", changed.Select(m => (m.Year * 100 + m.Month).ToString(CultureInfo.InvariantCulture)))})";
                await WriteAsync(source, lake, fact, $"select *, {Year} as year, {Month} as month from {fact} where {filter}",
                    $"'{Escape(Path.Combine(folder, fact))}' (format parquet, partition_by (year, month), overwrite_or_ignore, filename_pattern 'data_{{i}}')", cancellationToken);
            }
            var files = Directory.Exists(Path.Combine(folder, fact))
                ? Directory.EnumerateFiles(Path.Combine(folder, fact), "*.parquet", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => Checksum(folder, f)).ToList()
                : [];
            tables.Add(new ExportedTable(fact, months.Sum(m => m.Rows), months, files) { MonthsWritten = changed.Count });
        }
        var manifest = new ExportManifest(version, DateTimeOffset.UtcNow, tables);
        manifest.Write(Path.Combine(folder, ManifestName));
        return manifest;
    }

    // Writes a query's rows to a COPY target: by the warehouse itself when it is DuckDB, else streamed into the
    // in-memory lake first.
    private static async Task WriteAsync(DbConnection source, DuckDBConnection lake, string table, string sql, string target, CancellationToken cancellationToken)
    {
        if (source is DuckDBConnection direct)
        {
            await Execute(direct, $"copy ({sql}) to {target}");
            return;
        }
        await CopyAsync(source, lake, table, sql, cancellationToken);
        await Execute(lake, $"copy {table} to {target}");
    }

    // Each month of a fact: its rows and the batches they came from (what decides whether it must be written again).
    private static async Task<List<ExportedMonth>> BatchesByMonthAsync(DbConnection source, string fact)
    {
        await using var command = source.CreateCommand();
        command.CommandText = $"select {Year} as y, {Month} as m, load_batch_id, count(*) from {fact} group by 1, 2, 3 order by 1, 2, 3";
        var months = new Dictionary<(int, int), (List<long> Batches, long Rows)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var key = (Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture));
            if (!months.TryGetValue(key, out var month))
                months[key] = month = ([], 0);
            month.Batches.Add(Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture));
            months[key] = (month.Batches, month.Rows + Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture));
        }
        return months.Select(m => new ExportedMonth(m.Key.Item1, m.Key.Item2, m.Value.Rows, m.Value.Batches)).ToList();
    }

    // Streams a query's rows from the warehouse into a table of the in-memory lake (replacing it): an appender, so a
    // fact of millions of rows never sits in memory whole.
    private static async Task CopyAsync(DbConnection source, DuckDBConnection lake, string table, string sql, CancellationToken cancellationToken)
    {
        await using var command = source.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(i => (Name: reader.GetName(i), Type: reader.GetFieldType(i))).ToList();
        await Execute(lake, $"create or replace table {table} ({string.Join(", ", columns.Select(c => $"\"{c.Name}\" {SqlType(c.Type)}"))})");
        using (var appender = lake.CreateAppender(table))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = appender.CreateRow();
                for (var i = 0; i < columns.Count; i++)
                    Append(row, reader.IsDBNull(i) ? null : reader.GetValue(i));
                row.EndRow();
            }
        }
    }

    private static void Append(IDuckDBAppenderRow row, object? value)
    {
        switch (value)
        {
            case null: row.AppendNullValue(); break;
            case long v: row.AppendValue(v); break;
            case int v: row.AppendValue(v); break;
            case short v: row.AppendValue(v); break;
            case bool v: row.AppendValue(v); break;
            case double v: row.AppendValue(v); break;
            case float v: row.AppendValue(v); break;
            case decimal v: row.AppendValue(v); break;
            case DateTime v: row.AppendValue(v); break;
            case DateOnly v: row.AppendValue(v); break;
            case string v: row.AppendValue(v); break;
            default: row.AppendValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    private static string SqlType(Type type) => type switch
    {
        _ when type == typeof(long) => "bigint",
        _ when type == typeof(int) => "integer",
        _ when type == typeof(short) => "smallint",
        _ when type == typeof(bool) => "boolean",
        _ when type == typeof(double) => "double",
        _ when type == typeof(float) => "float",
        _ when type == typeof(decimal) => "decimal(18, 6)",
        _ when type == typeof(DateTime) => "timestamp",
        _ when type == typeof(DateOnly) => "date",
        _ => "varchar",
    };

    private static ExportedFile Checksum(string folder, string file)
    {
        using var stream = File.OpenRead(file);
        return new ExportedFile(Path.GetRelativePath(folder, file).Replace('\\', '/'), new FileInfo(file).Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    private static async Task<object?> Scalar(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static string Escape(string path) => path.Replace("'", "''", StringComparison.Ordinal);
}

/// <summary>What an export wrote: the warehouse's schema version and, per table, its rows, the batches behind each
/// month of a fact, and every file with its size and SHA-256.</summary>
public sealed record ExportManifest(int SchemaVersion, DateTimeOffset ExportedAt, IReadOnlyList<ExportedTable> Tables)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static ExportManifest? Read(string path) => File.Exists(path) ? JsonSerializer.Deserialize<ExportManifest>(File.ReadAllText(path), Json) : null;

    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
}

public sealed record ExportedTable(string Name, long Rows, IReadOnlyList<ExportedMonth> Months, IReadOnlyList<ExportedFile> Files)
{
    /// <summary>How many fact months this export wrote (the rest were unchanged since the last).</summary>
    public int MonthsWritten { get; init; }
}

public sealed record ExportedMonth(int Year, int Month, long Rows, IReadOnlyList<long> Batches);

public sealed record ExportedFile(string Path, long Bytes, string Sha256);
