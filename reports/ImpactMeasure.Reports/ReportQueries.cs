using System.Data.Common;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Reports;

/// <summary>The embedded <c>queries/rpt_*.sql</c>: each reads dims and facts only, with the window and area as
/// parameters ($1 first day, $2 last day, $3 area).</summary>
public static class ReportQueries
{
    public static readonly SqlScripts Scripts = new(typeof(ReportQueries).Assembly);

    public const string ReferralOutcomes = "queries/rpt_referral_outcomes.sql";
    public const string NavigationKinds = "queries/rpt_navigation_kinds.sql";
    public const string NavigationMonths = "queries/rpt_navigation_months.sql";
    public const string PatientLevelCoverage = "queries/rpt_patient_level_coverage.sql";
    public const string WellbeingPairs = "queries/rpt_wellbeing_pairs.sql";
    public const string RecordedMinutes = "queries/rpt_recorded_minutes.sql";
    public const string LatestMonth = "queries/rpt_latest_month.sql";
    public const string ServiceMonthOutcomes = "queries/rpt_service_month_outcomes.sql";
    public const string SpGpUse = "queries/rpt_sp_gp_use.sql";
    public const string DataQualityBatches = "queries/rpt_data_quality_batches.sql";
    public const string DataQualityReasons = "queries/rpt_data_quality_reasons.sql";
    public const string PracticeCoverage = "queries/rpt_practice_coverage.sql";
    public const string AreaCodes = "queries/rpt_area_codes.sql";
    public const string RoleStarts = "queries/rpt_role_starts.sql";
    public const string AreaNames = "queries/rpt_area_names.sql";
    public const string WorkingDaysAfter = "queries/rpt_working_days_after.sql";
    public const string GpContext = "queries/rpt_gp_context.sql";
    public const string PcnDenominators = "queries/rpt_pcn_denominators.sql";
    public const string PracticeDenominators = "queries/rpt_practice_denominators.sql";
    public const string Equity = "queries/rpt_equity.sql";
    public const string PcnProfile = "queries/rpt_pcn_profile.sql";
    public const string PracticeMonths = "queries/rpt_practice_months.sql";
    public const string RegisteredCohort = "queries/rpt_registered_cohort.sql";
    public const string RegisteredGpVisits = "queries/rpt_registered_gp_visits.sql";

    /// <summary>The latest month with data, or null for an empty warehouse.</summary>
    public static async Task<DateOnly?> LatestMonthAsync(ImpactMeasure.Warehouse.Warehouse warehouse)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        await using var connection = await warehouse.OpenConnectionAsync();
        var row = (await RunAsync(connection, LatestMonth, new ReportWindow(default, default, null)))[0];
        return row.Text("latest_month").Length == 0 ? null : row.Date("latest_month");
    }

    /// <summary>Every practice, PCN, sub-ICB and ICB code the warehouse knows, in order.</summary>
    public static async Task<IReadOnlyList<string>> AreaCodesAsync(ImpactMeasure.Warehouse.Warehouse warehouse)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        await using var connection = await warehouse.OpenConnectionAsync();
        return (await RunAsync(connection, AreaCodes, new ReportWindow(default, default, null))).Select(r => r.Text("code")).ToList();
    }

    /// <summary>The name, level, PCN (of a practice) and ICB of every code an --area may name (rpt_area_names).</summary>
    public static async Task<IReadOnlyList<Row>> AreaNamesAsync(ImpactMeasure.Warehouse.Warehouse warehouse)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        await using var connection = await warehouse.OpenConnectionAsync();
        return await RunAsync(connection, AreaNames, new ReportWindow(default, default, null));
    }

    public static async Task<List<Row>> RunAsync(DbConnection connection, string query, ReportWindow window, params object?[] extra)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(window);
        return await RunTextAsync(connection, query, Text(query, ImpactMeasure.Warehouse.WarehouseEngines.Of(connection)), window, extra);
    }

    /// <summary>Runs one query's text, timed under <paramref name="name"/>: for a query that is not embedded here (a
    /// test's reference query).</summary>
    public static async Task<List<Row>> RunTextAsync(DbConnection connection, string name, string text, ReportWindow window, params object?[] extra)
    {
        var rows = new List<Row>();
        await EachTextAsync(connection, name, text, window, reader =>
        {
            var read = RowReader(reader);
            return () => rows.Add(read());
        }, extra);
        return rows;
    }

    /// <summary>Runs a query and hands each row to the caller as it is read, keeping none: for a query of hundreds of
    /// thousands of rows that the report only counts. The bind function is given the reader before its first row and
    /// returns what to do with each.</summary>
    public static Task EachAsync(DbConnection connection, string query, ReportWindow window, Func<DbDataReader, Action> bind, params object?[] extra)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return EachTextAsync(connection, query, Text(query, ImpactMeasure.Warehouse.WarehouseEngines.Of(connection)), window, bind, extra);
    }

    private static async Task EachTextAsync(DbConnection connection, string name, string text, ReportWindow window, Func<DbDataReader, Action> bind,
        object?[] extra)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(window);
        var sql = SqlStatements.AsSubquery(text);
        // PostgreSQL cannot type a parameter a query never uses: pass only as many as it names.
        object?[] all = [window.Start, window.End, window.Area, .. extra];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var command = connection.Command(sql, all[..SqlStatements.ParameterCount(sql)]);
        await using var reader = await command.ExecuteReaderAsync();
        var each = bind(reader);
        var count = 0;
        for (; await reader.ReadAsync(); count++)
            each();
        QueryTimings.Add(name, count, clock.Elapsed);
    }

    private static Func<Row> RowReader(DbDataReader reader)
    {
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var index = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        return () =>
        {
            var values = new object?[names.Length];
            for (var i = 0; i < values.Length; i++)
                values[i] = reader.IsDBNull(i) ? null : Shared(reader.GetValue(i), strings);
            return new Row(index, values);
        };
    }

    // Rows are kept until the report is built (nationally, hundreds of thousands), so each repeated value is kept
    // once: a query's equal strings share one instance and small counts one box. The reader's own copies then die
    // young instead of filling the old generation the collector must sweep.
    private static readonly object[] SmallCounts = [.. Enumerable.Range(0, 1024).Select(i => (object)(long)i)];

    private static object Shared(object value, Dictionary<string, string> strings)
    {
        switch (value)
        {
            case long n when n is >= 0 and < 1024:
                return SmallCounts[n];
            case string text:
                return Shared(text, strings);
            default:
                return value;
        }
    }

    /// <summary>One instance of each equal string a query returns.</summary>
    public static string Shared(string text, Dictionary<string, string> strings)
    {
        ArgumentNullException.ThrowIfNull(strings);
        if (strings.TryGetValue(text, out var known))
            return known;
        strings[text] = text;
        return text;
    }

    private const string Include = "--@include ";

    /// <summary>A query's text with each <c>--@include fragments/NAME.sql</c> line replaced by that fragment (common
    /// table expressions two queries share), so their logic is written once; a fragment may include another. On
    /// DuckDB a fragment <c>NAME.duckdb.sql</c>, where there is one, stands in for <c>NAME.sql</c>: the same result
    /// written for DuckDB's planner (its tests run on every engine, so each variant is checked).</summary>
    public static string Text(string query, ImpactMeasure.Warehouse.WarehouseEngine engine = ImpactMeasure.Warehouse.WarehouseEngine.Postgres)
    {
        var lines = Scripts.Read(query).Split('\n');
        return string.Join('\n', lines.Select(line => line.StartsWith(Include, StringComparison.Ordinal)
            ? Text(Variant("queries/" + line[Include.Length..].Trim(), engine), engine).TrimEnd()
            : line));
    }

    /// <summary>The fragment written for <paramref name="engine"/> in place of <paramref name="fragment"/>, if any.</summary>
    public static string Variant(string fragment, ImpactMeasure.Warehouse.WarehouseEngine engine)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        var variant = fragment[..^".sql".Length] + ".duckdb.sql";
        return engine == ImpactMeasure.Warehouse.WarehouseEngine.DuckDb && Scripts.Paths.Contains(variant) ? variant : fragment;
    }

    /// <summary>One result row, read by column name.</summary>
    public sealed class Row(Dictionary<string, int> index, object?[] values)
    {
        public string Text(string column) => Convert.ToString(values[index[column]], System.Globalization.CultureInfo.InvariantCulture) ?? "";

        public long Count(string column) => values[index[column]] is { } v ? Convert.ToInt64(v is System.Numerics.BigInteger b ? (long)b : v, System.Globalization.CultureInfo.InvariantCulture) : 0;

        public double? Number(string column) => values[index[column]] is { } v
            ? Convert.ToDouble(v is System.Numerics.BigInteger b ? (double)b : v, System.Globalization.CultureInfo.InvariantCulture)
            : null;

        public bool Bool(string column) => values[index[column]] is true;

        public DateTime? Timestamp(string column) => values[index[column]] as DateTime?;

        public DateOnly Date(string column) => values[index[column]] switch
        {
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            var other => throw new InvalidCastException($"{column} is not a date: {other}"),
        };
    }
}
