using ImpactMeasure.Etl.Formats.Signposting;
using ImpactMeasure.Etl.Formats.Wellbeing;

namespace ImpactMeasure.Etl.Vocabulary;

/// <summary>The coded columns of the local extracts (EXTRACTS.md) and the codes each accepts: what a supplier's own
/// words are mapped to (<see cref="VocabularyMap"/>) and what <c>impact vocab suggest</c> looks for.</summary>
public static class LocalVocabulary
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Columns { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["role"] = SignpostingLoader.Roles,
        ["referrer_role"] = SignpostingLoader.ReferrerRoles,
        ["destination_category"] = SignpostingLoader.Categories,
        ["outcome"] = SignpostingLoader.Outcomes,
        ["age_band"] = SignpostingLoader.AgeBands,
        ["sex"] = SignpostingLoader.Sexes,
        ["requested_gp_appointment"] = SignpostingLoader.YesNo,
        ["timepoint"] = WellbeingLoader.Timepoints,
    };

    /// <summary>The codes of <paramref name="column"/> closest to a value, best first: a code the value starts, ends
    /// or is contained in beats one a few edits away.</summary>
    public static IReadOnlyList<string> Nearest(string column, string value, int count = 3)
    {
        var text = value.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        return Columns.TryGetValue(column, out var codes)
            ? codes.OrderBy(c => Distance(text, c)).ThenBy(c => c, StringComparer.Ordinal).Take(count).ToList()
            : [];
    }

    private static double Distance(string value, string code)
    {
        if (value.Length == 0)
            return double.MaxValue;
        if (code.StartsWith(value, StringComparison.Ordinal) || value.StartsWith(code, StringComparison.Ordinal))
            return 0.1 * Math.Abs(code.Length - value.Length) / Math.Max(code.Length, value.Length);
        if (code.Contains(value, StringComparison.Ordinal) || value.Contains(code, StringComparison.Ordinal))
            return 0.2;
        return (double)Parsing.EditDistance.Between(value, code) / Math.Max(value.Length, code.Length);
    }
}
