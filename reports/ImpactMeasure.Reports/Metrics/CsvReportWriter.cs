using System.Globalization;
using System.Text;

namespace ImpactMeasure.Reports.Metrics;

/// <summary>Writes a metric table as CSV: invariant numbers in each column's format, RFC 4180 quoting, and text
/// that a spreadsheet would run as a formula (starting =, +, -, @, tab or CR) prefixed with an apostrophe. The
/// parameters in force and the window lead the file as <c>#</c> lines.</summary>
public static class CsvReportWriter
{
    public static string Write(string folder, IMetricTable table, ReportWindow window, MethodParameters parameters, Disclosure.Disclosure disclosure)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(disclosure);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, table.Name + ".csv");
        var text = new StringBuilder();
        text.Append("# ").Append(table.Title).Append(": ").Append(window.Describe()).Append('\n');
        text.Append("# ").Append(DescribeDisclosure(disclosure)).Append('\n');
        foreach (var method in table.Methods)
            text.Append("# ").Append(method).Append('\n');
        foreach (var (name, value, source) in parameters.Describe())
            text.Append("# ").Append(name).Append(" = ").Append(value).Append(" (").Append(source).Append(")\n");
        var columns = table.PrintedColumns;
        text.Append(string.Join(",", columns.Select(c => Quote(c.Name)))).Append('\n');
        foreach (var row in table.PublishedRows())
            text.Append(string.Join(",", row.Select((v, i) => Quote(Format(v, columns[i].Format))))).Append('\n');
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    /// <summary>The disclosure line every shared output carries: the rule in force, or NOT FOR SHARING.</summary>
    public static string DescribeDisclosure(Disclosure.Disclosure disclosure)
    {
        ArgumentNullException.ThrowIfNull(disclosure);
        return disclosure.Applied
            ? string.Create(CultureInfo.InvariantCulture, $"disclosure control: counts of 1 to {disclosure.Threshold} shown as [c] ({disclosure.Primary} here), and {disclosure.Complementary} more counts hidden so that no [c] can be worked out from any other figure of this release; figures computed from a hidden count are [c]; rates and means rounded to the precision shown")
                + (disclosure.Rounding > 1 ? $"; counts rounded to the nearest {disclosure.Rounding} and rates, shares and freed appointments computed from the rounded counts (means, bootstrap and t intervals and SPC limits are statistics of the records, shown as computed)" : "")
            : "NOT FOR SHARING: disclosure control is OFF (--no-suppression): small numbers are shown";
    }

    public static string Format(object? value, string format) => value switch
    {
        null => "",
        SuppressedCell => SuppressedCell.Symbol,
        long n => n.ToString(format.Length == 0 ? "0" : format, CultureInfo.InvariantCulture),
        int n => n.ToString(format.Length == 0 ? "0" : format, CultureInfo.InvariantCulture),
        double d => d.ToString(format.Length == 0 ? "0.####" : format, CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        string s => NeutraliseFormula(s),
        _ => NeutraliseFormula(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    // Excel splits a CSV on the locale's list separator (',' or ';') or a tab, so a formula may start after any of them.
    private static readonly char[] Separators = [',', ';', '\t', '|'];

    /// <summary>Text that Excel would evaluate as a formula — at its start or after any separator Excel may split
    /// on — gets a leading apostrophe.</summary>
    public static string NeutraliseFormula(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        static bool Formula(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';
        var risky = text.Length > 0 && Formula(text[0]);
        for (var i = 0; !risky && i < text.Length - 1; i++)
            risky = Array.IndexOf(Separators, text[i]) >= 0 && Formula(text[i + 1]);
        return risky ? "'" + text : text;
    }

    // Quoted whenever a separator of any locale is inside, so the field stays whole wherever it is opened.
    private static string Quote(string text) =>
        text.IndexOfAny([',', ';', '\t', '|', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
