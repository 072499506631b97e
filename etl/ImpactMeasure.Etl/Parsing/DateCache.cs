using ImpactMeasure.Warehouse.Calendar;

namespace ImpactMeasure.Etl.Parsing;

/// <summary>Parses dates once per distinct spelling (a GPAD file repeats a handful of dates millions of
/// times) and checks they fall inside the warehouse calendar.</summary>
public sealed class DateCache
{
    private readonly Dictionary<string, (DateOnly Date, string? Problem)> _parsed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateOnly Date, string? Problem)>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public DateCache() => _lookup = _parsed.GetAlternateLookup<ReadOnlySpan<char>>();

    public bool TryParse(ReadOnlySpan<char> text, out DateOnly date, out string? problem)
    {
        if (!_lookup.TryGetValue(text, out var entry))
        {
            entry = ExtractDates.TryParse(text, out var parsed, out var why)
                ? (parsed, parsed < DateDimension.First || parsed > DateDimension.Last
                    ? $"is outside the warehouse calendar ({DateDimension.First:yyyy-MM-dd} to {DateDimension.Last:yyyy-MM-dd})"
                    : null)
                : (default, why);
            _parsed[text.ToString()] = entry;
        }
        (date, problem) = entry;
        return problem is null;
    }
}
