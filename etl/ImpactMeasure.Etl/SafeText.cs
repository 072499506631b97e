using ImpactMeasure.Etl.Privacy;

namespace ImpactMeasure.Etl;

/// <summary>Text about a file that is kept or shown (a reason, a quarantined value, a message): any NHS number in
/// it masked, and control characters — a NUL from UTF-16 or binary read as text, which PostgreSQL cannot store and
/// DuckDB would cut at — made visible as U+FFFD, so both engines keep the same record.</summary>
public static class SafeText
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var masked = NhsNumber.MaskWithin(text);
        return !masked.Any(IsControl)
            ? masked
            : string.Create(masked.Length, masked, (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                    span[i] = IsControl(source[i]) ? '\uFFFD' : source[i];
            });
    }

    private static bool IsControl(char c) => c is (< ' ' and not '\t' and not '\n' and not '\r') or '\u007f';
}
