namespace ImpactMeasure.Etl.Loading;

/// <summary>Finds rows that repeat an earlier row's key (code × date × appointment profile) while the file streams,
/// in whatever order its rows come: one bit per key seen, in a growable bitset per code × date (a national month
/// of the practice crosstab is a few megabytes). The lines of the current code's keys are kept too, so a repeat
/// inside a practice's block — GPAD files are grouped by practice — names the line it repeats.</summary>
public sealed class RepeatedKeys
{
    private readonly LoadContext _context;
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Code, int Date), int> _slots = [];
    private readonly List<ulong[]> _bits = [];
    private readonly Dictionary<(int Date, int Profile), long> _currentLines = [];
    private string _code = "";
    private int _codeIndex = -1;
    private (int Date, int Slot) _last = (-1, -1);

    public RepeatedKeys(LoadContext context) => _context = context;

    /// <summary>True (and the row is quarantined) when an earlier row had the same key; the first is kept.</summary>
    public bool IsRepeat(ReadOnlySpan<char> code, int dateKey, int profileKey)
    {
        if (!code.SequenceEqual(_code))
        {
            _code = code.ToString();
            if (!_codes.TryGetValue(_code, out _codeIndex))
                _codes[_code] = _codeIndex = _codes.Count;
            _currentLines.Clear();
            _last = (-1, -1);
        }
        if (_last.Date != dateKey)
            _last = (dateKey, SlotOf(dateKey));
        var bits = _bits[_last.Slot];
        var (word, mask) = (profileKey >> 6, 1UL << (profileKey & 63));
        if (word >= bits.Length)
            _bits[_last.Slot] = bits = Grow(bits, word);
        if ((bits[word] & mask) == 0)
        {
            bits[word] |= mask;
            _currentLines[(dateKey, profileKey)] = _context.Rows.LineNumber;
            return false;
        }
        _context.Reject(_currentLines.TryGetValue((dateKey, profileKey), out var first)
            ? $"repeats line {first} (same code, date and appointment attributes): the first is kept"
            : "repeats an earlier line of another block of this code (same code, date and appointment attributes): the first is kept");
        return true;
    }

    private int SlotOf(int dateKey)
    {
        if (_slots.TryGetValue((_codeIndex, dateKey), out var slot))
            return slot;
        _slots[(_codeIndex, dateKey)] = slot = _bits.Count;
        _bits.Add(new ulong[16]);
        return slot;
    }

    private static ulong[] Grow(ulong[] bits, int word)
    {
        var grown = new ulong[Math.Max(word + 1, bits.Length * 2)];
        bits.CopyTo(grown, 0);
        return grown;
    }
}
