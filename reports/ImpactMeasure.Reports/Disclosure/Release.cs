namespace ImpactMeasure.Reports.Disclosure;

/// <summary>Every count published in one release (one pack, or one <c>report metrics</c> run), across all its
/// tables, and which practice belongs to which PCN: what METHODS §7 protects as a whole.</summary>
public sealed class Release(string windowKey)
{
    private readonly Dictionary<CellKey, int> _index = [];
    private readonly List<CellKey> _keys = [];
    private readonly List<long> _values = [];
    private readonly HashSet<(string Practice, string Pcn)> _members = [];
    private double? _cap;

    /// <summary>The month coordinate of the release's window totals (<see cref="ReportWindow.Key"/>).</summary>
    public string WindowKey { get; } = windowKey;

    public IReadOnlyList<CellKey> Keys => _keys;

    public IReadOnlyList<long> Values => _values;

    public IReadOnlyCollection<(string Practice, string Pcn)> Members => _members;

    /// <summary>Adds a count; the same key from another table must carry the same value.</summary>
    public void Register(CellKey key, long value, string source)
    {
        if (value < 0)
            throw new InvalidOperationException($"{source}: {key} is negative ({value}): counts cannot be below zero");
        if (_index.TryGetValue(key, out var at))
        {
            if (_values[at] != value)
                throw new InvalidOperationException($"{source}: {key} is {value} here but {_values[at]} in another table of the release");
            return;
        }
        _cap = null;
        _index[key] = _keys.Count;
        _keys.Add(key);
        _values.Add(value);
    }

    /// <summary>Makes room for <paramref name="more"/> counts (the tables', some of which several tables hold): the
    /// arrays are made once at their size instead of doubling, each doubling a fresh array whose first touch costs
    /// page faults (nationally about 0.1 s).</summary>
    public void Reserve(int more)
    {
        _index.EnsureCapacity(_keys.Count + more);
        _keys.EnsureCapacity(_keys.Count + more);
        _values.EnsureCapacity(_values.Count + more);
    }

    /// <summary>Records that the release counts a practice's events under a PCN (a practice that moved PCN in the
    /// window is a member of both).</summary>
    public void Member(string practiceCode, string pcnCode) => _members.Add((practiceCode, pcnCode));

    /// <summary>More than any count of the release can be: the upper bound of the audit's programs, which keeps
    /// each of them bounded (GLOP may call an unbounded program infeasible); a range reaching it is unbounded.</summary>
    public double Cap => _cap ??= (double)_values.Sum() + 1;

    public bool Contains(CellKey key) => _index.ContainsKey(key);

    public int IndexOf(CellKey key) =>
        _index.TryGetValue(key, out var at) ? at : throw new KeyNotFoundException($"{key} is not a count of this release");

    /// <summary>Primary and complementary suppression over the whole release (METHODS §7).</summary>
    public Disclosure Protect(int threshold, int rounding = 0) => ReleaseSuppression.Protect(this, threshold, rounding);
}
