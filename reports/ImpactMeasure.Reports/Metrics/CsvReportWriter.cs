using System.Globalization;
using System.Text;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>Writes a metric table as CSV: invariant numbers in each column's format, RFC 4180 quoting, and text
/// that a spreadsheet would run as a formula (starting =, +, -, @, tab or CR) prefixed with an apostrophe. The
/// parameters in force and the window lead the file as <c>#</c> lines.</summary>
public static class CsvReportWriter
{
    public static string Write(string folder, MetricTable table, ReportWindow window, MethodParameters parameters, bool suppressed)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(parameters);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, table.Name + ".csv");
        var text = new StringBuilder();
        text.Append("# ").Append(table.Title).Append(": ").Append(window.Describe()).Append('\n');
        text.Append("# disclosure control: ").Append(suppressed
            ? $"counts of 1 to {parameters.SuppressionThreshold} and figures from them shown as [c], with secondary suppression"
            : "OFF (--no-suppression): not for sharing").Append('\n');
        foreach (var (name, value, source) in parameters.Describe())
            text.Append("# ").Append(name).Append(" = ").Append(value).Append(" (").Append(source).Append(")\n");
        text.Append(string.Join(",", table.Columns.Select(c => Quote(c.Name)))).Append('\n');
        foreach (var row in table.Rows)
            text.Append(string.Join(",", row.Select((v, i) => Quote(Format(v, table.Columns[i]))))).Append('\n');
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    public static string Format(object? value, MetricColumn column) => value switch
    {
        null => "",
        SuppressedCell => Statistics.SmallNumberSuppression.Symbol,
        long n => n.ToString(column.Format, CultureInfo.InvariantCulture),
        int n => n.ToString(column.Format, CultureInfo.InvariantCulture),
        double d => d.ToString(column.Format, CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        string s => NeutraliseFormula(s),
        _ => NeutraliseFormula(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    /// <summary>Text that Excel would evaluate as a formula gets a leading apostrophe.</summary>
    public static string NeutraliseFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
