using System.Globalization;
using ImpactMeasure.Testing;
using nietras.SeparatedValues;

namespace ImpactMeasure.Reports.Tests;

/// <summary>One row of a reference vector file (../shared/reference/vectors), read by column name.</summary>
public sealed class Vector
{
    private readonly Dictionary<string, string> _values;

    private Vector(Dictionary<string, string> values, int line)
    {
        _values = values;
        Line = line;
    }

    public int Line { get; }

    public static IReadOnlyList<Vector> Read(string file)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(ReferenceData.Vector(file));
        var names = reader.Header.ColNames.Select(n => n.Trim()).ToArray();
        var rows = new List<Vector>();
        foreach (var row in reader)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++)
                values[names[i]] = row[i].ToString();
            rows.Add(new Vector(values, row.LineNumberFrom));
        }
        return rows;
    }

    public string Text(string column) => _values.TryGetValue(column, out var v) ? v : throw new KeyNotFoundException(column);

    public double? Number(string column) => Text(column) is { Length: > 0 } text && text != "NA"
        ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)
        : null;

    public double Value(string column) => Number(column) ?? throw new InvalidOperationException($"{column} is empty on line {Line}");

    public bool Flag(string column) => Text(column) == "true";

    public override string ToString() => $"line {Line}: {string.Join(",", _values.Select(v => $"{v.Key}={v.Value}"))}";
}
