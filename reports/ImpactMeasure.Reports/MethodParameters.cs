using System.Globalization;
using ImpactMeasure.Warehouse.Configuration;

namespace ImpactMeasure.Reports;

/// <summary>Every parameter of METHODS.md with its default and source: configuration (the "methods" section of
/// impact.json), never constants in code. Each report echoes them.</summary>
public sealed record MethodParameters
{
    public int RepresentationWindowDays { get; init; } = 14;

    /// <summary>No silent default (METHODS §1): when needed and not set, reports show a sensitivity table.</summary>
    public double? AssumedRepresentationRate { get; init; }

    public double DefaultGpAppointmentMinutes { get; init; } = 10;

    /// <summary>"default" (the configured minutes) or "recorded" (GPAD actual-duration bands, all staff).</summary>
    public string GpMinutesSource { get; init; } = "default";

    public double GpSessionMinutes { get; init; } = 250;

    public double CostPerConsultationGbp { get; init; } = 49;

    public double CostConsultationMinutes { get; init; } = 10;

    public string CostSource { get; init; } = "PSSRU Unit Costs of Health and Social Care 2023, 2022/23 prices (surgery consultation incl. qualification costs)";

    public int BootstrapResamples { get; init; } = 1000;

    public int BootstrapSeed { get; init; } = 20251128;

    public double Confidence { get; init; } = 0.95;

    public int SuppressionThreshold { get; init; } = 7;

    /// <summary>0, or 5 to round published counts to the nearest 5 after suppression (NHS Digital's rule).</summary>
    public int SuppressionRounding { get; init; }

    public bool SpcScreenOutliers { get; init; } = true;

    public int SpcRunLength { get; init; } = 7;

    /// <summary>A p-chart month with fewer service decisions than this is shown but never judged (METHODS §2).</summary>
    public int SpcMinDenominator { get; init; } = 10;

    /// <summary>Judged months from a service's first month that fix its p-chart's centre and limits (NHSRplotthedots'
    /// fix_after_n_points), so a later step is judged against the time before it.</summary>
    public int SpcBaselineMonths { get; init; } = 12;

    /// <summary>Months of history the service-overload SPC looks back over.</summary>
    public int SpcMonths { get; init; } = 24;

    /// <summary>Weeks from a wellbeing baseline to its follow-up (METHODS §3: the cohort is those due in the window).</summary>
    public int WellbeingFollowupWeeks { get; init; } = 12;

    /// <summary>Months of the rolling window whose due follow-ups make the wellbeing cohort.</summary>
    public int WellbeingWindowMonths { get; init; } = 12;

    /// <summary>Targets for headline measures by key (rates as proportions): each gets an SPC assurance word
    /// (METHODS §5); none by default.</summary>
    public IReadOnlyDictionary<string, double> Targets { get; init; } = new Dictionary<string, double>();

    public double SwemwbsMeaningfulChange { get; init; } = 3;

    public double WemwbsMeaningfulChange { get; init; } = 8;

    public double Ons4MeaningfulChange { get; init; } = 1;

    /// <summary>Months either side of a social prescribing referral for GP use before and after.</summary>
    public int WindowMonths { get; init; } = 6;


    /// <summary>The "methods" section of a config file, or the defaults when the file is absent.</summary>
    public static MethodParameters Load(string? path) => Load(ImpactConfiguration.Load(path));

    /// <summary>The "methods" section of a configuration read once.</summary>
    public static MethodParameters Load(ImpactConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var parameters = ConfigSection.Load<MethodParameters>(configuration, "methods") ?? new MethodParameters();
        parameters.Validate(configuration.Path ?? "defaults");
        return parameters;
    }

    /// <summary>Refuses settings that would switch a safeguard off without saying so.</summary>
    public void Validate(string source)
    {
        if (SuppressionThreshold < 1)
        {
            throw new InvalidDataException($"{source}: methods.suppression_threshold is {SuppressionThreshold}: it must be at least 1 (METHODS §7). "
                + "To write internal files without disclosure control, keep the threshold and pass --no-suppression: they are then marked NOT FOR SHARING");
        }
        if (SuppressionRounding is not (0 or 5))
            throw new InvalidDataException($"{source}: methods.suppression_rounding is {SuppressionRounding}: expected 0 (no rounding) or 5 (counts to the nearest 5)");
        // Every other parameter in the range its method makes sense for: a value outside it is named, never used.
        Within(source, "representation_window_days", RepresentationWindowDays, 1, 365);
        if (AssumedRepresentationRate is { } rate)
            Within(source, "assumed_representation_rate", rate, 0, 1);
        Within(source, "default_gp_appointment_minutes", DefaultGpAppointmentMinutes, 1, 120);
        if (GpMinutesSource is not ("default" or "recorded"))
            throw new InvalidDataException($"{source}: methods.gp_minutes_source is '{GpMinutesSource}': expected \"default\" or \"recorded\"");
        Within(source, "gp_session_minutes", GpSessionMinutes, 1, 1440);
        Within(source, "cost_per_consultation_gbp", CostPerConsultationGbp, 0, 10_000);
        Within(source, "cost_consultation_minutes", CostConsultationMinutes, 1, 120);
        Within(source, "bootstrap_resamples", BootstrapResamples, 100, 100_000);
        Within(source, "confidence", Confidence, 0.5, 0.999, "a probability such as 0.95");
        Within(source, "spc_run_length", SpcRunLength, 2, 20);
        Within(source, "spc_months", SpcMonths, 6, 120);
        Within(source, "spc_min_denominator", SpcMinDenominator, 1, 10_000);
        Within(source, "spc_baseline_months", SpcBaselineMonths, 6, 120);
        Within(source, "wellbeing_followup_weeks", WellbeingFollowupWeeks, 1, 104);
        Within(source, "wellbeing_window_months", WellbeingWindowMonths, 1, 60);
        Within(source, "swemwbs_meaningful_change", SwemwbsMeaningfulChange, 0.1, 28);
        Within(source, "wemwbs_meaningful_change", WemwbsMeaningfulChange, 0.1, 56);
        Within(source, "ons4_meaningful_change", Ons4MeaningfulChange, 0.1, 10);
        Within(source, "window_months", WindowMonths, 1, 24);
        foreach (var (key, target) in Targets)
        {
            if (!Pack.KpiSeries.Keys.Contains(key, StringComparer.Ordinal))
                throw new InvalidDataException($"{source}: methods.targets.{key} is no headline measure: expected one of {string.Join(", ", Pack.KpiSeries.Keys)}");
            Within(source, $"targets.{key}", target, 0, key.EndsWith("_rate", StringComparison.Ordinal) ? 1 : 1e9, key.EndsWith("_rate", StringComparison.Ordinal) ? "a proportion such as 0.1" : null);
        }
    }

    private static void Within(string source, string key, double value, double lowest, double highest, string? example = null)
    {
        if (double.IsFinite(value) && value >= lowest && value <= highest)
            return;
        throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
            $"{source}: methods.{key} is {value}: expected a value from {lowest} to {highest}{(example is null ? "" : $" ({example})")}"));
    }

    /// <summary>Name, value and source of every parameter, for the outputs' headers and the Methodology sheet.</summary>
    public IReadOnlyList<(string Name, string Value, string Source)> Describe() =>
    [
        ("representation_window_days", N(RepresentationWindowDays), "METHODS §1 default"),
        ("assumed_representation_rate", AssumedRepresentationRate is { } r ? N(r) : "not set (sensitivity table where needed)", "METHODS §1: no published rate exists"),
        ("default_gp_appointment_minutes", N(DefaultGpAppointmentMinutes), "PSSRU Unit Costs 2023 basis (older editions 9.22)"),
        ("gp_minutes_source", GpMinutesSource, "METHODS §1: recorded GPAD durations only where chosen"),
        ("gp_session_minutes", N(GpSessionMinutes), "METHODS §1"),
        ("cost_per_consultation_gbp", N(CostPerConsultationGbp), CostSource),
        ("cost_consultation_minutes", N(CostConsultationMinutes), CostSource),
        ("bootstrap_resamples", N(BootstrapResamples), "METHODS §1 (at least 1,000)"),
        ("bootstrap_seed", N(BootstrapSeed), "fixed so reruns are identical"),
        ("confidence", N(Confidence), "METHODS §2 (Wilson, no continuity correction)"),
        ("suppression_threshold", N(SuppressionThreshold), "METHODS §7, NHS Digital disclosure rule"),
        ("suppression_rounding", SuppressionRounding == 0 ? "0 (counts not rounded)" : N(SuppressionRounding), "METHODS §7 (NHS Digital rounds to the nearest 5)"),
        ("spc_screen_outliers", SpcScreenOutliers ? "true" : "false", "METHODS §5 (NHSRplotthedots screens; the MDC Excel tool does not)"),
        ("spc_run_length", N(SpcRunLength), "METHODS §5"),
        ("spc_months", N(SpcMonths), "months of history behind each SPC point"),
        ("spc_min_denominator", N(SpcMinDenominator), "METHODS §2: p-chart months with fewer service decisions are shown, not judged"),
        ("spc_baseline_months", N(SpcBaselineMonths), "METHODS §5: a service's first judged months fix its p-chart limits"),
        ("wellbeing_followup_weeks", N(WellbeingFollowupWeeks), "METHODS §3: a follow-up falls due this long after the baseline"),
        ("wellbeing_window_months", N(WellbeingWindowMonths), "METHODS §3: cohort = follow-ups due in the rolling months to the report month"),
        ("swemwbs_meaningful_change", N(SwemwbsMeaningfulChange), "METHODS §3 (metric points)"),
        ("wemwbs_meaningful_change", N(WemwbsMeaningfulChange), "METHODS §3"),
        ("ons4_meaningful_change", N(Ons4MeaningfulChange), "METHODS §3 (points on 0–10)"),
        ("window_months", N(WindowMonths), "METHODS §3 (GP use before and after referral)"),
        ("targets", Targets.Count == 0 ? "none (no assurance shown)" : string.Join("; ", Targets.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} {N(t.Value)}")), "METHODS §5: SPC assurance against a configured target"),
    ];

    private static string N(double value) => value.ToString(CultureInfo.InvariantCulture);
}
