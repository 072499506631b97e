using System.Text;

namespace ImpactMeasure.Warehouse.Sql;

/// <summary>Splits a script into statements at semicolons outside quotes and comments.</summary>
/// <remarks>Both engines accept several statements in one command, but one at a time gives
/// error messages that name the failing statement.</remarks>
public static class SqlStatements
{
    public static IReadOnlyList<string> Split(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var statements = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < script.Length; i++)
        {
            var c = script[i];
            if (c == '-' && i + 1 < script.Length && script[i + 1] == '-')
            {
                var end = script.IndexOf('\n', i);
                i = end < 0 ? script.Length : end;
                current.Append('\n');
                continue;
            }
            if (c is '\'' or '"')
            {
                var end = script.IndexOf(c, i + 1);
                end = end < 0 ? script.Length - 1 : end;
                current.Append(script, i, end - i + 1);
                i = end;
                continue;
            }
            if (c == ';')
            {
                Add(statements, current);
                continue;
            }
            current.Append(c);
        }
        Add(statements, current);
        return statements;
    }

    /// <summary>The highest positional parameter ($n) a statement names: both engines refuse parameters a
    /// statement does not use (PostgreSQL cannot type them).</summary>
    public static int ParameterCount(string statement) =>
        System.Text.RegularExpressions.Regex.Matches(statement, @"\$(\d+)")
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0)
            .Max();

    /// <summary>A query script without its trailing semicolon, so it can be wrapped as a subquery.</summary>
    public static string AsSubquery(string script)
    {
        var statements = Split(script);
        if (statements.Count != 1)
            throw new InvalidOperationException($"expected one statement, found {statements.Count}");
        return statements[0];
    }

    private static void Add(List<string> statements, StringBuilder current)
    {
        var text = current.ToString().Trim();
        if (text.Length > 0)
            statements.Add(text);
        current.Clear();
    }
}
