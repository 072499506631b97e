namespace ImpactMeasure.Reports.Pack;

/// <summary>Human labels for the codes extracts use (referrer roles, instruments), so a reader never sees
/// <c>care_navigator</c> or <c>ONS4_ANXIETY</c>; an unknown code is shown with its underscores as spaces.</summary>
public static class CodeLabels
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["care_navigator"] = "Care navigator",
        ["gp"] = "GP",
        ["nurse"] = "Practice nurse",
        ["self"] = "Self-referral",
        ["other"] = "Other",
        ["splw"] = "Social prescribing link worker",
        ["SWEMWBS"] = "Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS)",
        ["WEMWBS"] = "Warwick-Edinburgh Mental Wellbeing Scale (WEMWBS)",
        ["ONS4_SATISFACTION"] = "ONS4: life satisfaction",
        ["ONS4_WORTHWHILE"] = "ONS4: things done are worthwhile",
        ["ONS4_HAPPINESS"] = "ONS4: happiness yesterday",
        ["ONS4_ANXIETY"] = "ONS4: anxiety yesterday (lower is better)",
    };

    public static string Of(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (Known.TryGetValue(code, out var label))
            return label;
        var words = code.Replace('_', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
