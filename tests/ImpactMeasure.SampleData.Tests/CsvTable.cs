using nietras.SeparatedValues;

namespace ImpactMeasure.SampleData.Tests;

/// <summary>A small CSV file read whole for assertions: header and rows as strings.</summary>
internal sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows)
{
    public static CsvTable Read(string path)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, HasHeader = true }).FromFile(path);
        var header = reader.Header.ColNames.ToList();
        var rows = new List<string[]>();
        foreach (var row in reader)
        {
            var values = new string[header.Count];
            for (var i = 0; i < values.Length; i++)
                values[i] = row[i].ToString();
            rows.Add(values);
        }
        return new CsvTable(header, rows);
    }

    public IEnumerable<string> Column(string name)
    {
        var index = Header.ToList().FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
            throw new KeyNotFoundException($"no column {name} in {string.Join(",", Header)}");
        return Rows.Select(r => r[index]);
    }

    public static IEnumerable<CsvTable> ReadAll(string folder, string pattern) =>
        Directory.GetFiles(folder, pattern).Order(StringComparer.Ordinal).Select(Read);
}
