namespace ImpactMeasure.Etl.Loading;

/// <summary>Finds repeated rows in a file grouped by practice (as GPAD files are) while streaming, holding only
/// the current practice's keys: a repeat is quarantined naming the line it repeats. If a practice reappears after
/// another, the file is not grouped: <see cref="Ungrouped"/> is set and the check falls back to SQL.</summary>
public sealed class GroupedDuplicateFinder
{
    private readonly LoadContext _context;
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Date, int Profile), long> _lines = [];
    private string _current = "";

    public GroupedDuplicateFinder(LoadContext context) => _context = context;

    public bool Ungrouped { get; private set; }

    /// <summary>True (and the row is quarantined) when this practice already had a row with the same key.</summary>
    public bool IsRepeat(ReadOnlySpan<char> code, int dateKey, int profileKey)
    {
        if (Ungrouped)
            return false;
        if (!code.SequenceEqual(_current))
        {
            if (_current.Length > 0)
                _finished.Add(_current);
            _current = code.ToString();
            _lines.Clear();
            if (_finished.Contains(_current))
            {
                Ungrouped = true;
                return false;
            }
        }
        if (_lines.TryGetValue((dateKey, profileKey), out var first))
        {
            _context.Reject($"repeats line {first} (same code, date and appointment attributes): the first is kept");
            return true;
        }
        _lines[(dateKey, profileKey)] = _context.Rows.LineNumber;
        return false;
    }
}
