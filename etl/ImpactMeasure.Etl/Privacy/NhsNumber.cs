namespace ImpactMeasure.Etl.Privacy;

/// <summary>NHS numbers: 10 digits (spaces or dashes between the 3-3-4 groups allowed) whose last digit is the
/// modulus-11 check digit of the first nine.</summary>
public static class NhsNumber
{
    /// <summary>The ten digits of a valid NHS number, or null.</summary>
    public static string? Normalise(ReadOnlySpan<char> text)
    {
        Span<char> digits = stackalloc char[10];
        var n = 0;
        foreach (var c in text.Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                if (n == 10)
                    return null;
                digits[n++] = c;
            }
            else if (c is not (' ' or '-'))
            {
                return null;
            }
        }
        return n == 10 && HasValidCheckDigit(digits) ? new string(digits) : null;
    }

    public static bool LooksLikeNhsNumber(ReadOnlySpan<char> text) => text.Length is >= 10 and <= 12 && Normalise(text) is not null;

    private static bool HasValidCheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
            sum += (digits[i] - '0') * (10 - i);
        var check = 11 - (sum % 11);
        if (check == 11)
            check = 0;
        return check != 10 && check == digits[9] - '0';
    }

    /// <summary>A value fit to show in a report or the quarantine: all but the last two characters hidden.</summary>
    public static string Mask(ReadOnlySpan<char> text) =>
        text.Length <= 2 ? new string('*', text.Length) : new string('*', text.Length - 2) + text[^2..].ToString();
}
