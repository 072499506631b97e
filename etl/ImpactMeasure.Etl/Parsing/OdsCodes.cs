namespace ImpactMeasure.Etl.Parsing;

/// <summary>Shapes of ODS codes.</summary>
public static class OdsCodes
{
    /// <summary>A GP practice: one letter then five digits (A81001).</summary>
    public static bool IsPracticeCode(ReadOnlySpan<char> code) =>
        code.Length == 6 && char.IsAsciiLetterUpper(code[0]) && code[1..].ContainsAnyExceptInRange('0', '9') == false;
}
