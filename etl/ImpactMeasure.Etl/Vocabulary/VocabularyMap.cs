using System.Text.Json;
using ImpactMeasure.Warehouse.Configuration;

namespace ImpactMeasure.Etl.Vocabulary;

/// <summary>A supplier's own words mapped to the extract vocabulary, per column: the "vocabulary" section of
/// impact.json (<c>{"destination_category": {"physiotherapy": "physiotherapy_msk"}}</c>), and the CSV file its
/// <c>"file"</c> key names (columns <c>column,value,code</c>, relative to impact.json). Values match whatever their
/// case and surrounding spaces. Checked when read: a column that is not coded, or a code the column does not
/// accept, is refused naming the file and key.</summary>
public sealed class VocabularyMap
{
    private readonly Dictionary<string, Dictionary<string, string>> _maps;

    private VocabularyMap(Dictionary<string, Dictionary<string, string>> maps, string source)
    {
        _maps = maps;
        Source = source;
    }

    public static VocabularyMap Empty { get; } = new([], "no vocabulary map");

    /// <summary>Where the map came from, for messages ("impact.json vocabulary").</summary>
    public string Source { get; }

    public bool IsEmpty => _maps.Count == 0;

    /// <summary>The code a supplier's value maps to in a column, if the map has it.</summary>
    public bool TryMap(string column, string value, out string code)
    {
        code = "";
        return _maps.TryGetValue(column, out var map) && map.TryGetValue(Normalise(value), out code!);
    }

    public static VocabularyMap Load(string? path) => Load(ImpactConfiguration.Load(path));

    public static VocabularyMap Load(ImpactConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration.Path;
        var section = ConfigSection.Load<Dictionary<string, JsonElement>>(configuration, "vocabulary");
        if (section is null)
            return Empty;
        var maps = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (key, element) in section)
        {
            if (key == "file")
            {
                if (element.ValueKind != JsonValueKind.String)
                    throw new InvalidDataException($"{path}: vocabulary.file must name a CSV file (columns column,value,code)");
                ReadCsv(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path!)) ?? ".", element.GetString()!), maps);
                continue;
            }
            if (element.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{path}: vocabulary.{key} must map a supplier's values to codes, e.g. {{\"physiotherapy\": \"physiotherapy_msk\"}}");
            foreach (var entry in element.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String)
                    throw new InvalidDataException($"{path}: vocabulary.{key}.{entry.Name} must be a code (a string)");
                Add(maps, key, entry.Name, entry.Value.GetString()!, $"{path}: vocabulary.{key}.{entry.Name}");
            }
        }
        return new VocabularyMap(maps, $"{Path.GetFileName(path)} vocabulary");
    }

    private static void ReadCsv(string file, Dictionary<string, Dictionary<string, string>> maps)
    {
        if (!File.Exists(file))
            throw new InvalidDataException($"{file}: the vocabulary file named by vocabulary.file does not exist");
        var lines = File.ReadAllLines(file);
        if (lines.Length == 0 || !string.Equals(lines[0].Trim(), "column,value,code", StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"{file}:1: expected the header column,value,code");
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
                continue;
            var fields = lines[i].Split(',');
            if (fields.Length != 3)
                throw new InvalidDataException($"{file}:{i + 1}: expected three fields column,value,code (a value holding a comma belongs in impact.json)");
            Add(maps, fields[0].Trim(), fields[1], fields[2].Trim(), $"{file}:{i + 1}");
        }
    }

    private static void Add(Dictionary<string, Dictionary<string, string>> maps, string column, string value, string code, string where)
    {
        if (!LocalVocabulary.Columns.TryGetValue(column, out var codes))
            throw new InvalidDataException($"{where}: {column} is not a coded column; maps are for {string.Join(", ", LocalVocabulary.Columns.Keys)}");
        var target = code.Trim().ToLowerInvariant();
        if (!codes.Contains(target))
            throw new InvalidDataException($"{where}: maps to \"{code}\", which {column} does not accept: expected one of {string.Join(", ", codes)}");
        if (!maps.TryGetValue(column, out var map))
            maps[column] = map = new Dictionary<string, string>(StringComparer.Ordinal);
        map[Normalise(value)] = target;
    }

    private static string Normalise(string value) => value.Trim().ToLowerInvariant();
}
