namespace ImpactMeasure.Etl.Parsing;

/// <summary>The labels of one GPAD attribute. Ordinal 0 is "All" (not in the extract), 1 is "Unknown",
/// then the published labels. Raw spellings seen are cached, so the hot path allocates nothing.</summary>
public sealed class AttributeVocabulary
{
    private readonly Dictionary<string, int> _ordinalByNormalised = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _ordinalByRaw = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _rawLookup;
    private readonly List<string> _labels = [GpadVocabulary.NotInExtract, GpadVocabulary.Unknown];

    public AttributeVocabulary(string attribute, IReadOnlyList<string> labels, IReadOnlyDictionary<string, string> aliases)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(aliases);
        Attribute = attribute;
        _ordinalByNormalised[GpadVocabulary.Normalise(GpadVocabulary.Unknown)] = 1;
        foreach (var label in labels.Where(l => l != GpadVocabulary.Unknown))
        {
            _ordinalByNormalised[GpadVocabulary.Normalise(label)] = _labels.Count;
            _labels.Add(label);
        }
        foreach (var (alias, label) in aliases)
            _ordinalByNormalised[alias] = _ordinalByNormalised[GpadVocabulary.Normalise(label)];
        _rawLookup = _ordinalByRaw.GetAlternateLookup<ReadOnlySpan<char>>();
        Expected = string.Join(", ", labels);
    }

    public string Attribute { get; }

    /// <summary>The published labels, for error messages.</summary>
    public string Expected { get; }

    public int Count => _labels.Count;

    public string LabelOf(int ordinal) => _labels[ordinal];

    public int OrdinalOf(string label) =>
        _ordinalByNormalised.TryGetValue(GpadVocabulary.Normalise(label), out var ordinal) ? ordinal
        : label == GpadVocabulary.NotInExtract ? 0
        : throw new KeyNotFoundException($"{Attribute} has no label '{label}'");

    /// <summary>The ordinal of a raw value, or -1 when it is not in the vocabulary. Blank is Unknown.</summary>
    public int Match(ReadOnlySpan<char> raw)
    {
        if (_rawLookup.TryGetValue(raw, out var ordinal))
            return ordinal;
        var normalised = GpadVocabulary.Normalise(raw);
        ordinal = normalised.Length == 0 ? _ordinalByNormalised.GetValueOrDefault("unknown", 1)
            : _ordinalByNormalised.GetValueOrDefault(normalised, -1);
        _ordinalByRaw[raw.ToString()] = ordinal;
        return ordinal;
    }
}
