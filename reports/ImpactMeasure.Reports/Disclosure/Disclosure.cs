namespace ImpactMeasure.Reports.Disclosure;

/// <summary>What disclosure control decided for a release: which counts are hidden, and the rule in force.</summary>
public sealed class Disclosure
{
    private readonly HashSet<CellKey> _hidden;

    public Disclosure(IEnumerable<CellKey> hidden, int threshold, int primary, int complementary)
    {
        _hidden = [.. hidden];
        Threshold = threshold;
        Primary = primary;
        Complementary = complementary;
        Applied = true;
    }

    private Disclosure()
    {
        _hidden = [];
        Applied = false;
    }

    /// <summary>No disclosure control: internal files only (<c>--no-suppression</c>).</summary>
    public static Disclosure Off { get; } = new();

    public bool Applied { get; }

    public int Threshold { get; }

    /// <summary>Counts hidden because they are 1 to the threshold.</summary>
    public int Primary { get; }

    /// <summary>Counts hidden so that the primary ones cannot be worked out from the rest of the release.</summary>
    public int Complementary { get; }

    /// <summary>Hidden counts that every identity around them leaves fewer than <see cref="Threshold"/> possible
    /// values even with everything else in those identities hidden (none in practice; the outputs refuse to be
    /// written while any remain).</summary>
    public IReadOnlyList<CellKey> Unprotected { get; init; } = [];

    public bool IsHidden(CellKey key) => _hidden.Contains(key);

    public IReadOnlyCollection<CellKey> Hidden => _hidden;
}
