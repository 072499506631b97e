using System.Globalization;
using ImpactMeasure.Warehouse.Sql;

namespace ImpactMeasure.Warehouse.Tests;

/// <summary>Every table of a warehouse with its columns and rows rendered as invariant text, for comparing
/// two warehouses (or one warehouse before and after) whatever engine holds them.</summary>
internal static class WarehouseSnapshot
{
    public static async Task<SortedDictionary<string, List<string>>> TakeAsync(Warehouse warehouse, Func<string, bool>? includeRows = null)
    {
        await using var connection = await warehouse.OpenConnectionAsync();
        var tables = await connection.RowsAsync(
            "select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name");
        var snapshot = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables.Select(t => (string)t[0]!))
        {
            var columns = await connection.RowsAsync(
                "select column_name from information_schema.columns where table_schema = current_schema() and table_name = $1 order by ordinal_position",
                table);
            var lines = new List<string> { "columns: " + string.Join(",", columns.Select(c => c[0])) };
            if (includeRows?.Invoke(table) ?? true)
            {
                var rows = await connection.RowsAsync($"select * from {table} order by 1");
                lines.AddRange(rows.Select(r => string.Join("|", r.Select(Render))).Order(StringComparer.Ordinal));
            }
            snapshot[table] = lines;
        }
        return snapshot;
    }

    public static string Render(object? value) => value switch
    {
        null => "∅",
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.00", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => Convert.ToInt64(f, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
