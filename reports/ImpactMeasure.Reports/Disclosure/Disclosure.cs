namespace ImpactMeasure.Reports.Disclosure;

/// <summary>What disclosure control decided for a release: which counts are hidden, and the rule in force.</summary>
public sealed class Disclosure
{
    private readonly HashSet<CellKey> _hidden;

    public Disclosure(IEnumerable<CellKey> hidden, int threshold, int primary, int complementary, int rounding = 0)
    {
        Rounding = rounding;
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

    /// <summary>0, or the base published counts are rounded to after suppression (5: NHS Digital's rule).</summary>
    public int Rounding { get; }

    /// <summary>A count as published: rounded to the nearest multiple of <see cref="Rounding"/> where set.</summary>
    public long Publish(long count) => Rounding <= 1 ? count : (long)Math.Round((double)count / Rounding, MidpointRounding.AwayFromZero) * Rounding;

    /// <summary>Counts hidden because they are 1 to the threshold.</summary>
    public int Primary { get; }

    /// <summary>Counts hidden so that the primary ones cannot be worked out from the rest of the release.</summary>
    public int Complementary { get; }

    /// <summary>Hidden counts that every identity around them leaves fewer than <see cref="Threshold"/> possible
    /// values even with everything else in those identities hidden (none in practice; the outputs refuse to be
    /// written while any remain).</summary>
    public IReadOnlyList<CellKey> Unprotected { get; init; } = [];

    /// <summary>How the decision was reached (null when disclosure control is off).</summary>
    public ProtectionStatistics? Statistics { get; init; }

    /// <summary>How long protecting the release took (for the benchmark commands).</summary>
    public TimeSpan Elapsed { get; internal set; }

    public bool IsHidden(CellKey key) => _hidden.Contains(key);

    public IReadOnlyCollection<CellKey> Hidden => _hidden;
}
