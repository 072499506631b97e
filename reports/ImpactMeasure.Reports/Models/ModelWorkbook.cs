using System.Globalization;
using ImpactMeasure.Reports.Pack;

namespace ImpactMeasure.Reports.Models;

/// <summary>The researcher's workbook in the pack style (PACK.md): Cover with the headline estimates, Contents, Notes
/// (each model's method and assumptions as its summary states them), the estimates side by side, the event study with
/// a native chart, and the counterfactual's fit and placebo. Models are of GP appointments, not people: no counts of
/// people appear, so no disclosure control applies.</summary>
public static class ModelWorkbook
{
    public static string FileName(DateOnly period) => $"impact-models-{period:yyyy-MM}.xlsx";

    public static void Write(string path, ReportWindow window, PooledItsResult its, DidResult did, CounterfactualResult counterfactual,
        (ReportWindow Referrals, MatchedResult? Result) matched, string organisation,
        DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(its);
        ArgumentNullException.ThrowIfNull(did);
        ArgumentNullException.ThrowIfNull(counterfactual);
        var notes = new List<PackNote>
        {
            new(1, Method(ItsReport.Summary(window, its))),
            new(2, Method(DidReport.Summary(window, did))),
            new(3, Method(CounterfactualReport.Summary(window, counterfactual))),
            new(4, "Relative changes are exp(estimate) − 1 of effects on the log of GP appointments per 1,000 registered patients; intervals are 95%."),
            new(5, matched.Result is { } m ? Method(MatchedReport.Summary(matched.Referrals, m))
                : "The matched before/after needs a registered-patients extract and patient-level GP appointments; none could be matched for this window."),
        };
        var (didEstimate, didLower, didUpper) = did.Relative;
        var (bootLower, bootUpper) = did.RelativeBootstrapByPcn;
        var (cfEstimate, cfLower, cfUpper) = counterfactual.Relative;
        var estimates = new PackTable("Estimates of the change in GP appointments after a link worker starts", [notes[0], notes[1], notes[2], notes[3]],
            [("Model", "@"), ("Estimate", PackTables.Percent), ("Lower 95% limit", PackTables.Percent), ("Upper 95% limit", PackTables.Percent), ("Interval", "@"),
             ("Practices", "0"), ("Practices started", "0")],
            [
                ["Interrupted time series, pooled (level change)", its.LevelChange, its.LevelLower, its.LevelUpper, "practice-clustered", its.Practices, its.Treated],
                ["Staggered difference in differences (Callaway and Sant'Anna)", didEstimate, didLower, didUpper, "practice-level influence function", did.Practices, did.Treated],
                ["The same, clustered by PCN: wild cluster bootstrap", didEstimate, bootLower, bootUpper, $"{did.ByPcn.Clusters} PCNs, Rademacher multiplier", did.Practices, did.Treated],
                ["Naive two-way fixed effects (for comparison)", Math.Exp(did.NaiveTwfe) - 1, "[z]", "[z]", "biased under staggered, growing effects", did.Practices, did.Treated],
                ["Counterfactual (Microsoft.ML FastTree)", cfEstimate, cfLower, cfUpper, "bootstrap over treated practices", counterfactual.Practices, counterfactual.Treated],
            ])
        {
            WrapWidth = 36,
        };
        var events = did.EventStudy.OrderBy(e => e.Key).Select(e => new object?[]
        {
            (long)e.Key, Math.Exp(e.Value.Att) - 1, Math.Exp(e.Value.Lower) - 1, Math.Exp(e.Value.Upper) - 1, e.Key < 0 ? "before the start" : "after the start",
        }).ToList();
        var eventStudy = new PackTable("Event study: the change by months since the link worker started", [notes[1], notes[3]],
            [("Months since the start", "0"), ("Estimate", PackTables.Percent), ("Lower 95% limit", PackTables.Percent), ("Upper 95% limit", PackTables.Percent), ("Period", "@")], events);
        var (placebo, placeboLower, placeboUpper) = counterfactual.PlaceboRelative;
        var fit = new PackTable("The counterfactual's fit on held-out months and its placebo", [notes[2], notes[3]],
            [("Check", "@"), ("R²", "0.000"), ("Mean absolute error (log)", "0.0000"), ("Estimate", PackTables.Percent), ("Lower 95% limit", PackTables.Percent),
             ("Upper 95% limit", PackTables.Percent)],
            [
                ["FastTree on held-out months", counterfactual.Trees.R2, counterfactual.Trees.Mae, "[z]", "[z]", "[z]"],
                ["Regression on the same features, held-out months", counterfactual.Regression.R2, counterfactual.Regression.Mae, "[z]", "[z]", "[z]"],
                [$"Placebo: starts moved {CounterfactualReport.PlaceboShift} months earlier", "[z]", "[z]", placebo, placeboLower, placeboUpper],
            ])
        {
            WrapWidth = 36,
        };
        var person = new PackTable("The change for a person referred to social prescribing: matched before/after", [notes[4]],
            [("Measure", "@"), ("Estimate", "0.00"), ("Lower 95% limit", "0.00"), ("Upper 95% limit", "0.00"), ("People matched", "#,##0"), ("People referred", "#,##0"),
             ("Comparison patients", "#,##0")],
            matched.Result is { } r
                ?
                [
                    [$"GP appointments attended per person, 6 months after against before, referred minus matched comparison (referrals {matched.Referrals.FirstMonth:MMM yyyy} to {matched.Referrals.LastMonth:MMM yyyy})", r.Effect, r.Lower, r.Upper, (long)r.Sets.Count,
                     (long)r.Referred, (long)r.DistinctControls],
                    ["Referred: GP appointments per person in the 6 months before", r.Sets.Average(x => x.Before), "[z]", "[z]", (long)r.Sets.Count, (long)r.Referred, "[z]"],
                    ["Referred: the same, 6 months after", r.Sets.Average(x => x.After), "[z]", "[z]", (long)r.Sets.Count, (long)r.Referred, "[z]"],
                    ["Comparison: GP appointments per person in the 6 months before", r.Sets.Average(x => x.ControlBefore), "[z]", "[z]", "[z]", "[z]", (long)r.DistinctControls],
                    ["Comparison: the same, 6 months after", r.Sets.Average(x => x.ControlAfter), "[z]", "[z]", "[z]", "[z]", (long)r.DistinctControls],
                ]
                : [["Matched before/after", "[x]", "[x]", "[x]", "[x]", "[x]", "[x]"]])
        {
            WrapWidth = 40,
        };
        var tables = new List<PackTable> { estimates, eventStudy, fit, person };
        var chart = EventStudyChart(eventStudy, PackWorkbook.SheetOf(tables, eventStudy), did);
        var period = window.Describe();
        var cover = new PackCover(
        [
            $"Impact of social prescribing link workers on GP appointments: models, {period}",
            "Key messages",
            string.Create(CultureInfo.InvariantCulture, $"- Staggered difference in differences: {didEstimate:+0.0%;-0.0%} GP appointments after a link worker starts (95% {didLower:+0.0%;-0.0%} to {didUpper:+0.0%;-0.0%}; clustered by PCN, wild bootstrap, {bootLower:+0.0%;-0.0%} to {bootUpper:+0.0%;-0.0%}, the interval to cite with {did.ByPcn.Clusters} PCNs)."),
            string.Create(CultureInfo.InvariantCulture, $"- Interrupted time series: {its.LevelChange:+0.0%;-0.0%} (95% {its.LevelLower:+0.0%;-0.0%} to {its.LevelUpper:+0.0%;-0.0%}); counterfactual model: {cfEstimate:+0.0%;-0.0%} (95% {cfLower:+0.0%;-0.0%} to {cfUpper:+0.0%;-0.0%}), placebo {placebo:+0.0%;-0.0%}."),
            counterfactual.Trees.Mae < counterfactual.Regression.Mae
                ? "- The counterfactual's trees predict held-out months better than a regression on the same features."
                : "- The counterfactual's trees do no better than a regression on held-out months: cite the regression models.",
            string.Create(CultureInfo.InvariantCulture, $"- Naive two-way fixed effects gives {Math.Exp(did.NaiveTwfe) - 1:+0.0%;-0.0%}; where it differs from the staggered estimate, trust the staggered one."),
            matched.Result is { } mr
                ? string.Create(CultureInfo.InvariantCulture, $"- A person referred to social prescribing had {mr.Effect:+0.00;-0.00} GP appointments in the six months after against matched registered patients (95% {mr.Lower:+0.00;-0.00} to {mr.Upper:+0.00;-0.00}; {mr.Sets.Count:N0} people, referrals {matched.Referrals.Describe()}); a 2025 national study found 1.13 fewer a quarter.")
                : "- The matched before/after of referred people is not available: it needs a registered-patients extract.",
            "About this workbook: the impact models of METHODS §6 on the warehouse's GP appointment data (GPAD), practices by the month their link worker started.",
            $"Period covered: {period}.",
            $"Date produced: {generatedAt:d MMMM yyyy}.",
            "Disclosure: the models use appointment counts of practices, and the matched before/after means over more than a thousand people; no figure here is a small count of people.",
            $"Published by: {organisation}.",
            "Methodology: see Notes; each note is the model's own summary of its method and assumptions.",
        ], $", {period}", $"ImpactMeasure impact models, {period}", organisation, "social prescribing; link workers; GP appointments; difference in differences; interrupted time series; counterfactual");
        PackWorkbook.Write(path, cover, tables, [chart], notes);
        NativeCharts.Add(path, [chart]);
    }

    // The summary's method and assumptions: its text after the estimate lines.
    private static string Method(string summary) =>
        string.Join(" ", summary.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("Method", StringComparison.Ordinal) || l.StartsWith("Assumptions", StringComparison.Ordinal)));

    private static PackChart EventStudyChart(PackTable table, string sheet, DidResult did)
    {
        var top = PackWorkbook.FirstDataRow;
        var rows = table.Rows.Count;
        IReadOnlyList<(int, int)> All() => rows == 0 ? [] : [(top, top + rows - 1)];
        var after = did.EventStudy.Where(e => e.Key >= 0).Select(e => Math.Exp(e.Value.Att) - 1).DefaultIfEmpty(double.NaN).Average();
        var before = did.EventStudy.Where(e => e.Key < 0).ToList();
        var outside = before.Count(e => e.Value.Lower > 0 || e.Value.Upper < 0);
        return new PackChart(string.Create(CultureInfo.InvariantCulture, $"GP appointments {after:+0.0%;-0.0%} on average in the months after a link worker starts; {outside} of {before.Count} months before it differ from zero"),
            "Staggered difference in differences (Callaway and Sant'Anna), event study with 95% intervals",
            "Line chart of the estimated change in GP appointments by months since the link worker started, with dashed lower and upper 95% limits.",
            sheet, "A", "Months since the link worker started", "Change in GP appointments",
            [
                new ChartSeries("Estimate", "B", "005EB8", ChartLook.Line, All()),
                new ChartSeries("Lower 95% limit", "C", "A6A6A6", ChartLook.DashedLine, All()),
                new ChartSeries("Upper 95% limit", "D", "A6A6A6", ChartLook.DashedLine, All()),
            ])
        {
            XFormat = "0",
            XMajorUnit = 3,
            YFormat = "0%",
        };
    }
}
