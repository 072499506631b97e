using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Reports.Spc;
using ImpactMeasure.Reports.Statistics;

namespace ImpactMeasure.Reports.Benchmark;

/// <summary>PCN benchmarking (METHODS §4) computed from a protected metrics release alone: every numerator is a
/// count as published, so a count hidden by disclosure control hides its indicator and nothing here can narrow a
/// hidden count further. Peers are all PCNs of the warehouse (England) or of the PCN's ICB; the peer value pools
/// the peers whose counts are published. Funnel limits at each PCN's denominator around the peer value: PHE's
/// Wilson-based limits for proportions, Byar's (exact below 10) Poisson limits for rates; the word is at 99.8%.</summary>
public static class PcnBenchmark
{
    /// <summary>One PCN's published counts and denominators.</summary>
    public sealed record PcnCounts(string Code, string Name, string? Icb, object? Signposted, object? Diverted, object? WithDecision, object? Accepted,
        object? RejectedCapacity, object? RejectedInappropriate, double? GpAppointments, double? RegisteredPatients);

    public static IReadOnlyList<PcnCounts> Counts(MetricsResult metrics, IReadOnlyList<ReportQueries.Row> denominators, IReadOnlyDictionary<string, string> icbOf)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(denominators);
        ArgumentNullException.ThrowIfNull(icbOf);
        var freed = metrics.FreedGpTime;
        var outcomes = metrics.ReferralOutcomes;
        var outcomeRows = outcomes.Rows.Where(r => r.Breakdown == "pcn" && r.Code.Length > 0).ToDictionary(r => r.Code, StringComparer.Ordinal);
        var byPcn = denominators.ToDictionary(r => r.Text("pcn_code"), StringComparer.Ordinal);
        var freedRows = freed.Rows.Where(r => r.Breakdown == "pcn" && r.Code.Length > 0).ToDictionary(r => r.Code, StringComparer.Ordinal);
        // A PCN with link workers but no care navigation yet has outcomes and no freed row (it signposted no one):
        // it is compared on what it has. Practices in no PCN the warehouse knows share a blank code: not a PCN.
        var codes = freedRows.Keys.Concat(outcomeRows.Keys.Where(c => !freedRows.ContainsKey(c)).Order(StringComparer.Ordinal)).Where(c => c.Length > 0);
        return codes.Select(code =>
        {
            var r = freedRows.GetValueOrDefault(code);
            var o = outcomeRows.GetValueOrDefault(code);
            object? Outcome(Column<ReferralOutcomeRow> column) => o is null ? 0L : outcomes.Show(o, column);
            object? Freed(Column<FreedGpTimeRow> column) => r is null ? 0L : freed.Show(r, column);
            var d = byPcn.GetValueOrDefault(code);
            return new PcnCounts(code, r?.Name ?? o!.Name, icbOf.GetValueOrDefault(code), Freed(FreedGpTimeColumns.Signposted), Freed(FreedGpTimeColumns.Diverted),
                Outcome(ReferralOutcomeColumns.WithDecision), Outcome(ReferralOutcomeColumns.AcceptedByService), Outcome(ReferralOutcomeColumns.RejectedCapacity),
                Outcome(ReferralOutcomeColumns.RejectedInappropriate), d?.Number("gp_appointments"), d?.Number("registered_patients"));
        }).ToList();
    }

    /// <summary>Every PCN on every indicator against its peers ("england", "icb", or "similar" by
    /// <paramref name="similar"/>'s groups).</summary>
    /// <param name="pcns">each PCN's published counts</param>
    /// <param name="peers">england, icb or similar</param>
    /// <param name="confidence">the intervals' level</param>
    /// <param name="similar">the similar-PCN groups (for "similar")</param>
    /// <param name="overdispersion">widen the funnels by FunnelPlotR's overdispersion (winsorised z, φ, τ²; rates as
    /// ratios to the peer rate) where φ > 1 among at least <see cref="MinimumForOverdispersion"/> published peers</param>
    public static IReadOnlyList<BenchmarkRow> Compare(IReadOnlyList<PcnCounts> pcns, string peers, double confidence = 0.95, PeerClusters? similar = null,
        bool overdispersion = false)
    {
        ArgumentNullException.ThrowIfNull(pcns);
        string GroupOf(PcnCounts p) => peers switch
        {
            "icb" => $"PCNs of ICB {p.Icb}",
            "similar" => similar is not null && similar.ClusterOf.TryGetValue(p.Code, out var cluster)
                ? $"similar PCNs (group {cluster} of {similar.K})" : "PCNs with no profile to group by",
            _ => "all PCNs",
        };
        var rows = new List<BenchmarkRow>();
        foreach (var indicator in Indicator.All)
        {
            var units = pcns.Select(p => (Pcn: p, Parts: Parts(indicator, p))).ToList();
            foreach (var group in units.GroupBy(u => GroupOf(u.Pcn)))
            {
                var published = group.Where(u => u.Parts.Numerator is long && u.Parts.Denominator is > 0).ToList();
                double? peer = published.Count == 0 ? null : published.Sum(u => (double)(long)u.Parts.Numerator!) / published.Sum(u => u.Parts.Denominator!.Value);
                var results = group.Select(u => Row(indicator, u.Pcn, u.Parts.Numerator, u.Parts.Denominator, peer, group.Key, confidence)).ToList();
                if (overdispersion && published.Count >= MinimumForOverdispersion && peer is > 0)
                    results = Overdispersed(indicator, results, peer.Value);
                rows.AddRange(Ranked(indicator, results));
            }
        }
        return rows;
    }

    /// <summary>Fewer published peers than this give no stable estimate of overdispersion.</summary>
    public const int MinimumForOverdispersion = 10;

    // FunnelPlotR's overdispersed funnels (its defaults: 10% winsorised z-scores): proportions as proportions, rates as
    // standardised ratios of observed to expected events at the peer rate (SHMI method), their limits taken back to
    // the rate per 1,000. Where φ ≤ 1 the limits stay unadjusted and so do the words.
    private static List<BenchmarkRow> Overdispersed(Indicator indicator, List<BenchmarkRow> rows, double peer)
    {
        var valued = rows.Where(r => r.Value is not null).ToList();
        var funnel = indicator.IsProportion
            ? FunnelAnalysis.Run(valued.Select(r => new FunnelUnit(r.PcnCode, (long)r.Numerator!, r.Denominator!.Value)), FunnelDataType.Proportion)
            : FunnelAnalysis.Run(valued.Select(r => new FunnelUnit(r.PcnCode, (long)r.Numerator!, peer * r.Denominator!.Value)), FunnelDataType.StandardisedRatio);
        if (!funnel.DrawAdjusted)
            return rows;
        // A rate's limits are ratios of observed to expected: times the peer rate per 1,000 they are rates.
        var scale = indicator.IsProportion ? 1 : peer * Indicator.PerThousand;
        var byCode = funnel.Units.ToDictionary(u => u.Unit.Group, StringComparer.Ordinal);
        return rows.Select(r =>
        {
            if (r.Value is null || !byCode.TryGetValue(r.PcnCode, out var unit))
                return r;
            var high = unit.Unit.Ratio > funnel.Target;
            var label = unit.Outlier998 == 1 ? (high ? FunnelSignificance.HighExtreme : FunnelSignificance.LowExtreme)
                : unit.Outlier95 == 1 ? (high ? FunnelSignificance.High : FunnelSignificance.Low)
                : FunnelSignificance.NotSignificant;
            return r with
            {
                Limit95Lower = unit.Limits.Adjusted95.Lower * scale, Limit95Upper = unit.Limits.Adjusted95.Upper * scale,
                Limit998Lower = unit.Limits.Adjusted998.Lower * scale, Limit998Upper = unit.Limits.Adjusted998.Upper * scale,
                Funnel = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{label}, overdispersion-adjusted (phi {funnel.Phi:0.00})"),
                Comparison = Word(label, indicator.Direction),
            };
        }).ToList();
    }

    // The numerator as published (a count, [c] or null) and the denominator (null when hidden or absent).
    private static (object? Numerator, double? Denominator) Parts(Indicator indicator, PcnCounts p)
    {
        static double? Number(object? value) => value is long n ? n : null;
        return indicator.Key switch
        {
            "diverted_share" => (Hidden(p.Signposted) ?? p.Diverted, Number(p.Signposted)),
            "acceptance_rate" => (Hidden(p.WithDecision) ?? p.Accepted, Number(p.WithDecision)),
            "capacity_rejection_rate" => (Hidden(p.WithDecision) ?? p.RejectedCapacity, Number(p.WithDecision)),
            "inappropriate_referral_rate" => (Hidden(p.WithDecision) ?? p.RejectedInappropriate, Number(p.WithDecision)),
            "signposting_per_1000_gp_appointments" => (p.Signposted, p.GpAppointments),
            "diverted_per_1000_patients" => (p.Diverted, p.RegisteredPatients),
            _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator.Key, "not a benchmark indicator"),
        };
    }

    // A hidden denominator count hides the indicator too.
    private static SuppressedCell? Hidden(object? denominator) => denominator is SuppressedCell ? SuppressedCell.Instance : null;

    private static BenchmarkRow Row(Indicator indicator, PcnCounts pcn, object? numerator, double? denominator, double? peer, string peers, double confidence)
    {
        if (numerator is SuppressedCell)
            return new BenchmarkRow(pcn.Code, pcn.Name, peers, indicator, SuppressedCell.Instance, denominator, null, null, null, peer, null, null, null, null, SuppressedCell.Symbol, SuppressedCell.Symbol, null, null, null);
        if (numerator is not long events || denominator is not > 0 || peer is null)
            return new BenchmarkRow(pcn.Code, pcn.Name, peers, indicator, numerator, denominator, null, null, null, peer, null, null, null, null, "[x]", "[x]", null, null, null);
        var n = denominator.Value;
        if (indicator.IsProportion)
        {
            var own = Proportion.Of(events, (long)n, confidence);
            var (narrow, wide) = (PheFunnel.ProportionLimits(peer.Value, n, 0.95), PheFunnel.ProportionLimits(peer.Value, n, 0.998));
            var label = PheFunnel.ProportionSignificance(events, n, peer.Value);
            return new BenchmarkRow(pcn.Code, pcn.Name, peers, indicator, events, n, own.Value, own.Lower, own.Upper, peer,
                Math.Max(0, narrow.Lower!.Value), Math.Min(1, narrow.Upper!.Value), Math.Max(0, wide.Lower!.Value), Math.Min(1, wide.Upper!.Value),
                label, Word(label, indicator.Direction), null, null, null);
        }
        var (value, interval) = PoissonInterval.Rate(events, n, Indicator.PerThousand, confidence);
        // The funnel around the peer rate: the Poisson interval of the count expected at this denominator.
        var expected = peer.Value * n;
        var (l95, l998) = (PoissonInterval.Count(expected, 0.95), PoissonInterval.Count(expected, 0.998));
        var rateLabel = FunnelSignificance.AgainstBounds(peer.Value, events, n);
        double? PerThousand(double? count) => count / n * Indicator.PerThousand;
        return new BenchmarkRow(pcn.Code, pcn.Name, peers, indicator, events, n, value, interval.Lower, interval.Upper, peer * Indicator.PerThousand,
            PerThousand(l95.Lower), PerThousand(l95.Upper), PerThousand(l998.Lower), PerThousand(l998.Upper), rateLabel, Word(rateLabel, indicator.Direction), null, null, null);
    }

    /// <summary>The comparison word at 99.8%: Better/Worse where a direction is better, else Higher/Lower; Similar inside.</summary>
    public static string Word(string label, ImprovementDirection direction)
    {
        var high = label == FunnelSignificance.HighExtreme;
        var low = label == FunnelSignificance.LowExtreme;
        if (!high && !low)
            return "Similar";
        return direction switch
        {
            ImprovementDirection.Increase => high ? "Better" : "Worse",
            ImprovementDirection.Decrease => high ? "Worse" : "Better",
            _ => high ? "Higher" : "Lower",
        };
    }

    // Rank 1 is the best (the highest where no direction is better); quartile 1 the best quarter.
    private static IEnumerable<BenchmarkRow> Ranked(Indicator indicator, List<BenchmarkRow> rows)
    {
        var valued = rows.Where(r => r.Value is not null).ToList();
        var order = (indicator.Direction == ImprovementDirection.Decrease ? valued.OrderBy(r => r.Value) : valued.OrderByDescending(r => r.Value))
            .ThenBy(r => r.PcnCode, StringComparer.Ordinal).ToList();
        var rank = order.Select((r, i) => (Row: r, Rank: i + 1)).ToDictionary<(BenchmarkRow Row, int Rank), object, int>(p => p.Row, p => p.Rank, ReferenceEqualityComparer.Instance);
        return rows.Select(r => rank.TryGetValue(r, out var k)
            ? r with { Rank = k, Ranked = order.Count, Quartile = (int)Math.Ceiling(4.0 * k / order.Count) }
            : r);
    }
}
