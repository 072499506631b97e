namespace ImpactMeasure.Etl.Loading;

/// <summary>Remembers every key of a file to name the lines that repeat an earlier row. Used only on a second
/// attempt, after the cheap SQL check found repeats, since it holds every key in memory.</summary>
public sealed class DuplicateFinder
{
    private readonly LoadContext _context;
    private readonly Dictionary<(string Code, int Date, int Profile), long> _firstLine = [];

    public DuplicateFinder(LoadContext context) => _context = context;

    /// <summary>True (and the row is quarantined) when the key was seen on an earlier line.</summary>
    public bool IsRepeat(ReadOnlySpan<char> code, int dateKey, int profileKey)
    {
        var key = (code.ToString(), dateKey, profileKey);
        if (_firstLine.TryGetValue(key, out var first))
        {
            _context.Reject($"repeats line {first} (same code, date and appointment attributes): the first is kept");
            return true;
        }
        _firstLine[key] = _context.Rows.LineNumber;
        return false;
    }
}
