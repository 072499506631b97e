using System.Globalization;

namespace ImpactMeasure.Etl.Parsing;

/// <summary>Whole non-negative numbers (appointment counts, list sizes) with reasons for what is wrong.</summary>
public static class Counts
{
    public static bool TryParse(ReadOnlySpan<char> text, long max, out long value, out string? problem)
    {
        var trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            problem = value < 0 ? "is negative: counts cannot be below zero"
                : value > max ? $"is larger than {max.ToString("N0", CultureInfo.InvariantCulture)}: not a plausible count"
                : null;
            return problem is null;
        }
        problem = trimmed.IsEmpty ? "is empty: a count is required"
            : IsAllDigits(trimmed) ? $"is larger than {max.ToString("N0", CultureInfo.InvariantCulture)}: not a plausible count"
            : "is not a whole number";
        return false;
    }

    private static bool IsAllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        return true;
    }
}
