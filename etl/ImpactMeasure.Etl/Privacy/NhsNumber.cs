namespace ImpactMeasure.Etl.Privacy;

/// <summary>NHS numbers: 10 digits whose last is the modulus-11 check digit of the first nine, written whole
/// (<c>9434765919</c>, also inside text: <c>Pharmacy 9434765919</c>, <c>4000712713.0</c>) or as 3-3-4 groups
/// split by spaces, dots, slashes or dashes (<c>400 031 6761</c>, <c>400.039.5955</c>, <c>400 - 079 - 1907</c>).
/// A run of more digits (<c>12345678901</c>), another grouping (a phone number, a date) or digits inside a word (a
/// hexadecimal pseudonym such as <c>ab4000554336cd</c>) is not one.</summary>
public static class NhsNumber
{
    private const int MaxSeparator = 5;

    /// <summary>The ten digits of a valid NHS number when the whole value is one (after trimming), or null.</summary>
    public static string? Normalise(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        var found = Find(trimmed, 0);
        return found is { Start: 0 } match && match.Length == trimmed.Length ? match.Digits : null;
    }

    /// <summary>True when the value holds an NHS number anywhere, in any of the layouts above.</summary>
    public static bool Contains(ReadOnlySpan<char> text) => text.Length >= 10 && Find(text, 0) is not null;

    /// <summary>The text with every NHS number in it replaced by asterisks but its last two digits, for a
    /// quarantine reason, a report or a log; text without one comes back as it is.</summary>
    public static string MaskWithin(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Find(text, 0) is null)
            return text;
        var chars = text.ToCharArray();
        var from = 0;
        while (Find(text, from) is { } match)
        {
            var end = match.Start + match.Length;
            for (var i = match.Start; i < end - 2; i++)
                chars[i] = '*';
            from = end;
        }
        return new string(chars);
    }

    /// <summary>All but the last two characters hidden.</summary>
    public static string Mask(ReadOnlySpan<char> text) =>
        text.Length <= 2 ? new string('*', text.Length) : new string('*', text.Length - 2) + text[^2..].ToString();

    private readonly record struct Match(int Start, int Length, string Digits);

    // Scans digit runs from `from`: a run of exactly 10 digits, or runs of 3, 3 and 4 digits joined by short
    // separators, whose digits pass the check.
    private static Match? Find(ReadOnlySpan<char> text, int from)
    {
        var i = from;
        while (i < text.Length)
        {
            // Jump to the next digit (vectorised): most values on the hot path hold none.
            var next = text[i..].IndexOfAnyInRange('0', '9');
            if (next < 0)
                return null;
            var start = i + next;
            var first = Run(text, start);
            if (start > 0 && char.IsLetter(text[start - 1]))
            {
                i = start + first;
                continue;
            }
            if (first == 10 && Bounded(text, start + 10) && Valid(text.Slice(start, 10)))
                return new Match(start, 10, text.Slice(start, 10).ToString());
            if (first == 3 && Grouped(text, start) is { } grouped)
                return grouped;
            i = start + first;
        }
        return null;
    }

    private static Match? Grouped(ReadOnlySpan<char> text, int start)
    {
        Span<char> digits = stackalloc char[10];
        var at = start;
        var n = 0;
        foreach (var size in (ReadOnlySpan<int>)[3, 3, 4])
        {
            if (n > 0)
            {
                var gap = Separator(text, at);
                if (gap == 0)
                    return null;
                at += gap;
            }
            if (Run(text, at) != size)
                return null;
            text.Slice(at, size).CopyTo(digits[n..]);
            n += size;
            at += size;
        }
        return Bounded(text, at) && Valid(digits) ? new Match(start, at - start, new string(digits)) : null;
    }

    private static bool Bounded(ReadOnlySpan<char> text, int end) => end >= text.Length || !char.IsLetter(text[end]);

    private static int Run(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
            end++;
        return end - start;
    }

    // Spaces (any kind), dots, slashes and dashes, up to a few of them, with at most one mark among spaces.
    private static int Separator(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        var marks = 0;
        while (end < text.Length && end - start < MaxSeparator && (char.IsWhiteSpace(text[end]) || text[end] is '.' or '/' or '-' or '\u2013'))
        {
            if (!char.IsWhiteSpace(text[end]) && ++marks > 1)
                return 0;
            end++;
        }
        return end < text.Length && char.IsAsciiDigit(text[end]) ? end - start : 0;
    }

    private static bool Valid(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
            sum += (digits[i] - '0') * (10 - i);
        var check = 11 - (sum % 11);
        if (check == 11)
            check = 0;
        return check != 10 && check == digits[9] - '0';
    }
}
