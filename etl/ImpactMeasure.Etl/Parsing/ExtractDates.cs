using System.Globalization;

namespace ImpactMeasure.Etl.Parsing;

/// <summary>The date spellings extracts use: <c>01OCT2025</c> / <c>01Oct2025</c> (NHS publications),
/// <c>2025-10-01</c> (ISO), <c>01/10/2025</c> (UK). Never US order.</summary>
public static class ExtractDates
{
    private static readonly string[] Formats = ["ddMMMyyyy", "yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "MMMyyyy"];

    /// <summary>Parses a date or returns a reason a person understands.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date, out string? problem)
    {
        var trimmed = text.Trim();
        if (DateTime.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
            problem = null;
            return true;
        }
        date = default;
        problem = LooksAmerican(trimmed)
            ? "is not a date: dates are day/month/year, and this one only makes sense in US month/day order, which is not accepted"
            : "is not a date (expected 01OCT2025, 2025-10-01 or 01/10/2025)";
        return false;
    }

    private static bool LooksAmerican(ReadOnlySpan<char> text)
    {
        Span<Range> parts = stackalloc Range[4];
        if (text.Split(parts, '/') != 3)
            return false;
        return int.TryParse(text[parts[0]], NumberStyles.None, CultureInfo.InvariantCulture, out var first) && first is >= 1 and <= 12
            && int.TryParse(text[parts[1]], NumberStyles.None, CultureInfo.InvariantCulture, out var second) && second is > 12 and <= 31;
    }
}
