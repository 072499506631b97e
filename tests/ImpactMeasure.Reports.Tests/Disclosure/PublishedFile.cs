using System.Globalization;

namespace ImpactMeasure.Reports.Tests.Disclosure;

/// <summary>One published CSV file as a reader sees it: the header and each row's cells as text.</summary>
internal sealed record PublishedFile(string Name, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)
{
    public static PublishedFile Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => !l.StartsWith('#')).ToList();
        var header = Split(lines[0]);
        var rows = lines.Skip(1).Select(l => (IReadOnlyDictionary<string, string>)header.Zip(Split(l)).ToDictionary(p => p.First, p => p.Second)).ToList();
        return new PublishedFile(Path.GetFileNameWithoutExtension(path), rows);
    }

    /// <summary>A number as published, or null for blank or [c].</summary>
    public static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static bool Hidden(string text) => text == "[c]";

    // RFC 4180 fields: quotes only where the writer put them.
    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }
}
