using System.Globalization;
using System.Text;

namespace ImpactMeasure.Reports.Models;

/// <summary>The staggered difference in differences on the warehouse: the overall effect and the event study.</summary>
public sealed record DidResult(int Practices, int Treated, int Periods, DidAggregate Overall, IReadOnlyDictionary<int, DidAggregate> EventStudy)
{
    /// <summary>The overall effect's standard error with practices clustered by PCN, and how many PCNs.</summary>
    public (double StdError, int Clusters) ByPcn { get; init; }

    /// <summary>The overall effect's wild cluster bootstrap by PCN (did's multiplier bootstrap): its standard error and
    /// 95% interval on the log scale.</summary>
    public (double StdError, double Lower, double Upper) BootstrapByPcn { get; init; }

    /// <summary>The naive two-way fixed-effects estimate on the same panel (log scale), shown for comparison.</summary>
    public double NaiveTwfe { get; init; }

    /// <summary>The bootstrap interval as a relative change: the one to cite with few PCNs.</summary>
    public (double Lower, double Upper) RelativeBootstrapByPcn => (Math.Exp(BootstrapByPcn.Lower) - 1, Math.Exp(BootstrapByPcn.Upper) - 1);

    /// <summary>The overall effect's 95% interval with PCN-clustered errors, as a relative change.</summary>
    public (double Lower, double Upper) RelativeByPcn => (Math.Exp(Overall.Att - (1.959963984540054 * ByPcn.StdError)) - 1, Math.Exp(Overall.Att + (1.959963984540054 * ByPcn.StdError)) - 1);

    /// <summary>The overall effect as a relative change (the outcome is a log rate).</summary>
    public (double Estimate, double Lower, double Upper) Relative => (Math.Exp(Overall.Att) - 1, Math.Exp(Overall.Lower) - 1, Math.Exp(Overall.Upper) - 1);
}

/// <summary><c>impact model did</c>: Callaway and Sant'Anna on the log of each practice's GP appointments per 1,000
/// patients, cohorts by the month the practice's link worker started, not-yet-treated and never-treated practices
/// as controls, varying base period; practices with every month of the window (a balanced panel), practices treated
/// from the window's first month left out (nothing before to compare).</summary>
public sealed class DidReport(ImpactMeasure.Warehouse.Warehouse warehouse)
{
    public async Task<DidResult> RunAsync(ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var periods = window.Months;
        var panel = (await LinkWorkerMonths.LoadAsync(warehouse, window)).GroupBy(m => m.Practice)
            .Where(g => g.Select(m => m.MonthIndex).Distinct().Count() == periods)
            .Select(g => (Practice: g.Key, First: g.First().StartIndex ?? 0, Rates: g.OrderBy(m => m.MonthIndex).Select(m => Math.Log(m.Rate)).ToArray()))
            .Where(p => p.First is 0 or > 1)
            .OrderBy(p => p.Practice, StringComparer.Ordinal).ToList();
        if (!panel.Any(p => p.First > 0) || panel.Count(p => p.First == 0) + panel.Select(p => p.First).Distinct().Count() < 3)
            throw new ArgumentException("the window has no practice whose link worker started inside it with others to compare", nameof(window));
        var y = new double[panel.Count, periods];
        for (var i = 0; i < panel.Count; i++)
        {
            for (var t = 0; t < periods; t++)
                y[i, t] = panel[i].Rates[t];
        }
        var first = panel.Select(p => p.First).ToArray();
        var cells = StaggeredDid.GroupTime(y, first, DidControl.NotYetTreated, DidBasePeriod.Varying);
        var (events, _) = StaggeredDid.Dynamic(cells, first);
        var simple = StaggeredDid.Simple(cells, first);
        // PCNs adopt link workers, so practices of one PCN share shocks: cluster by each practice's current PCN.
        await using var connection = await warehouse.OpenConnectionAsync();
        var pcnOf = (await ReportQueries.RunAsync(connection, ReportQueries.AreaNames, window)).Where(r => r.Text("level") == "practice")
            .ToDictionary(r => r.Text("code"), r => r.Text("pcn_code") is { Length: > 0 } pcn ? pcn : r.Text("code"), StringComparer.Ordinal);
        var clusters = panel.Select(p => pcnOf.GetValueOrDefault(p.Practice, p.Practice)).ToList();
        return new DidResult(panel.Count, first.Count(f => f > 0), periods, simple, events)
        {
            ByPcn = (StaggeredDid.ClusteredStdError(simple.Influence, clusters), clusters.Distinct().Count()),
            BootstrapByPcn = Statistics.WildClusterBootstrap.Interval(simple.Att, simple.Influence, clusters, BootstrapSeed),
            NaiveTwfe = TwoWayFixedEffects.Estimate(y, first),
        };
    }

    /// <summary>The wild cluster bootstrap's seed: a rerun gives the same interval.</summary>
    public const int BootstrapSeed = 20250901;

    public static string Summary(ReportWindow window, DidResult result)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(result);
        var (estimate, lower, upper) = result.Relative;
        var pre = result.EventStudy.Where(e => e.Key < 0).ToList();
        var preOutside = pre.Count(e => e.Value.Lower > 0 || e.Value.Upper < 0);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Staggered difference in differences: GP appointments per 1,000 registered patients, practices by the month their link worker started, {window.Describe()}.");
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Estimate: after their link worker started, practices had {estimate:+0.0%;-0.0%} GP appointments (95% CI {lower:+0.0%;-0.0%} to {upper:+0.0%;-0.0%}) against practices not yet started or never started; {result.Treated} of {result.Practices} practices started in the window."));
        var (pcnLower, pcnUpper) = result.RelativeByPcn;
        var (bootLower, bootUpper) = result.RelativeBootstrapByPcn;
        var few = result.ByPcn.Clusters < Statistics.WildClusterBootstrap.FewClusters;
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"With practices clustered by PCN ({result.ByPcn.Clusters} PCNs): wild cluster bootstrap 95% CI {bootLower:+0.0%;-0.0%} to {bootUpper:+0.0%;-0.0%} (Rademacher multiplier, {Statistics.WildClusterBootstrap.Draws:N0} draws, seed {BootstrapSeed}, as R did's mboot); analytic clustered 95% CI {pcnLower:+0.0%;-0.0%} to {pcnUpper:+0.0%;-0.0%}."));
        text.AppendLine(few
            ? $"Cite the bootstrap interval: {result.ByPcn.Clusters} clusters are few (under {Statistics.WildClusterBootstrap.FewClusters}, Cameron, Gelbach and Miller 2008), and analytic clustered errors need many."
            : "With this many clusters the two agree in expectation; the analytic clustered interval may be cited.");
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"For comparison, the naive two-way fixed-effects regression (practice and month effects, one post-start dummy) gives {Math.Exp(result.NaiveTwfe) - 1:+0.0%;-0.0%}: it is biased when effects differ by start cohort or grow with time since the start, because practices already started serve as its controls; where the two differ, trust the estimate above."));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Pre-trends: {preOutside} of {pre.Count} months before the start have an effect whose 95% interval excludes zero (expected about 5% by chance if the trends were parallel)."));
        text.AppendLine();
        text.AppendLine("Method (METHODS §6, Callaway and Sant'Anna 2021): for each start cohort g and month t, the change in log rate from the month before the start (or, before it, from the month before t) among the cohort, minus the same change among practices not yet started or never started; averaged over the months after each start with cohort-size weights. Standard errors from each practice's influence function, at practice level and clustered by PCN (the unit that adopts a link worker), analytically and by did's wild (multiplier) cluster bootstrap. Matches R did 2.5.1 to 1e-9 on its reference panel (tests/DidVectorTests).");
        text.AppendLine();
        text.AppendLine("Assumptions: parallel trends (without link workers, started and not-yet-started practices would have changed alike, checked by the pre-trend months), no anticipation, and a balanced panel (practices missing a month are left out, as are practices treated from the first month).");
        return text.ToString();
    }
}
