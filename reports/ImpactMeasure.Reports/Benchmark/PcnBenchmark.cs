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
    /// <summary>One PCN's published counts and denominators; the counts of social prescribing and freed GP time where
    /// the release holds them (null otherwise).</summary>
    public sealed record PcnCounts(string Code, string Name, string? Icb, object? Signposted, object? Diverted, object? WithDecision, object? Accepted,
        object? RejectedCapacity, object? RejectedInappropriate, double? GpAppointments, double? RegisteredPatients)
    {
        /// <summary>For a practice, its PCN (its similar-PCN group is its PCN's); null for a PCN.</summary>
        public string? Pcn { get; init; }

        public object? FollowUpComplete { get; init; }

        public object? Represented { get; init; }

        /// <summary>Freed GP appointments as published; null where they rest on sensitivity rates (no patient-level
        /// data and no assumed rate), so no single figure exists.</summary>
        public FreedEstimate? Freed { get; init; }

        public object? SpReferrals { get; init; }

        public object? SpSeen { get; init; }

        public object? MeanDays { get; init; }

        public object? SdDays { get; init; }

        public object? WellbeingBoth { get; init; }

        public object? WellbeingImproved { get; init; }
    }

    /// <summary>A PCN's freed GP appointments (central, 95% bootstrap interval) and minutes as published.</summary>
    public sealed record FreedEstimate(object? Central, object? Lower, object? Upper, object? Minutes, double MinutesPerAppointment);

    /// <summary>Each PCN's (or with <paramref name="pcnOf"/> each practice's) published counts and denominators.</summary>
    /// <param name="metrics">the protected release</param>
    /// <param name="denominators">rpt_pcn_denominators' rows, or for practices rpt_practice_denominators'</param>
    /// <param name="icbOf">each unit's ICB</param>
    /// <param name="pcnOf">for practices, each practice's PCN; null for PCNs</param>
    public static IReadOnlyList<PcnCounts> Counts(MetricsResult metrics, IReadOnlyList<ReportQueries.Row> denominators, IReadOnlyDictionary<string, string> icbOf,
        IReadOnlyDictionary<string, string>? pcnOf = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(denominators);
        ArgumentNullException.ThrowIfNull(icbOf);
        var (level, codeColumn) = pcnOf is null ? ("pcn", "pcn_code") : ("practice", "practice_code");
        var freed = metrics.FreedGpTime;
        var outcomes = metrics.ReferralOutcomes;
        var outcomeRows = outcomes.Rows.Where(r => r.Breakdown == level && r.Code.Length > 0).ToDictionary(r => r.Code, StringComparer.Ordinal);
        var byPcn = denominators.ToDictionary(r => r.Text(codeColumn), StringComparer.Ordinal);
        // A PCN with no patient-level data and no assumed rate has one freed row per sensitivity rate.
        var freedRows = freed.Rows.Where(r => r.Breakdown == level && r.Code.Length > 0).GroupBy(r => r.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        // Social prescribing by PCN only where the same release protects it (the benchmark's, not the monthly pack's);
        // practices have none (Indicator.Practice).
        var caseload = pcnOf is null && metrics.PcnCaseload.Disclosure == metrics.Disclosure ? metrics.PcnCaseload : null;
        var wellbeing = pcnOf is null && metrics.PcnWellbeing.Disclosure == metrics.Disclosure ? metrics.PcnWellbeing : null;
        var caseloadRows = caseload?.Rows.ToDictionary(r => r.PcnCode, StringComparer.Ordinal) ?? [];
        var wellbeingRows = wellbeing?.Rows.ToLookup(r => r.PcnCode, StringComparer.Ordinal);
        // A PCN with link workers but no care navigation yet has outcomes and no freed row (it signposted no one):
        // it is compared on what it has. Practices in no PCN the warehouse knows share a blank code: not a PCN.
        var codes = freedRows.Keys.Concat(outcomeRows.Keys.Where(c => !freedRows.ContainsKey(c)).Order(StringComparer.Ordinal)).Where(c => c.Length > 0);
        return codes.Select(code =>
        {
            var f = freedRows.GetValueOrDefault(code);
            var r = f?[0];
            var o = outcomeRows.GetValueOrDefault(code);
            object? Outcome(Column<ReferralOutcomeRow> column) => o is null ? 0L : outcomes.Show(o, column);
            object? Freed(Column<FreedGpTimeRow> column) => r is null ? 0L : freed.Show(r, column);
            var d = byPcn.GetValueOrDefault(code);
            var c = caseloadRows.GetValueOrDefault(code);
            object? Caseload(Column<PcnCaseloadRow> column) => caseload is null ? null : c is null ? 0L : caseload.Show(c, column);
            object? Wellbeing(Column<PcnWellbeingRow> column) => wellbeing is null ? null : Sum(wellbeingRows![code].Select(w => wellbeing.Show(w, column)));
            return new PcnCounts(code, r?.Name ?? o!.Name, icbOf.GetValueOrDefault(code), Freed(FreedGpTimeColumns.Signposted), Freed(FreedGpTimeColumns.Diverted),
                Outcome(ReferralOutcomeColumns.WithDecision), Outcome(ReferralOutcomeColumns.AcceptedByService), Outcome(ReferralOutcomeColumns.RejectedCapacity),
                Outcome(ReferralOutcomeColumns.RejectedInappropriate), d?.Number("gp_appointments"), d?.Number("registered_patients"))
            {
                Pcn = pcnOf?.GetValueOrDefault(code),
                FollowUpComplete = Freed(FreedGpTimeColumns.Complete),
                Represented = Freed(FreedGpTimeColumns.Represented),
                Freed = pcnOf is not null ? null
                    : r is null ? new FreedEstimate(0.0, null, null, 0.0, metrics.MinutesPerAppointment)
                    : f!.Count > 1 ? null
                    : new FreedEstimate(Freed(FreedGpTimeColumns.FreedCentral), Freed(FreedGpTimeColumns.FreedLower95), Freed(FreedGpTimeColumns.FreedUpper95),
                        Freed(FreedGpTimeColumns.MinutesCentral), r.MinutesPerAppointment),
                SpReferrals = Caseload(PcnCaseloadRow.ReferralsColumn),
                SpSeen = Caseload(PcnCaseloadRow.SeenColumn),
                MeanDays = c is null ? null : Caseload(PcnCaseloadRow.MeanColumn),
                SdDays = c is null ? null : Caseload(PcnCaseloadRow.SdColumn),
                WellbeingBoth = Wellbeing(PcnWellbeingRow.BothColumn),
                WellbeingImproved = Wellbeing(PcnWellbeingRow.ImprovedColumn),
            };
        }).ToList();
    }

    // The sum of published counts; hidden when any is hidden (a PCN's wellbeing over its instruments).
    private static object Sum(IEnumerable<object?> counts)
    {
        var total = 0L;
        foreach (var count in counts)
        {
            if (count is SuppressedCell)
                return SuppressedCell.Instance;
            total += count as long? ?? 0;
        }
        return total;
    }

    /// <summary>Every PCN on every indicator against its peers ("england", "icb", or "similar" by
    /// <paramref name="similar"/>'s groups).</summary>
    /// <param name="pcns">each PCN's published counts</param>
    /// <param name="peers">england, icb or similar</param>
    /// <param name="confidence">the intervals' level</param>
    /// <param name="similar">the similar-PCN groups (for "similar")</param>
    /// <param name="overdispersion">widen the funnels by FunnelPlotR's overdispersion (winsorised z, φ, τ²; rates as
    /// ratios to the peer rate) where φ > 1 among at least <see cref="MinimumForOverdispersion"/> published peers</param>
    /// <param name="indicators">the indicators compared (default <see cref="Indicator.All"/>)</param>
    public static IReadOnlyList<BenchmarkRow> Compare(IReadOnlyList<PcnCounts> pcns, string peers, double confidence = 0.95, PeerClusters? similar = null,
        bool overdispersion = false, IReadOnlyList<Indicator>? indicators = null)
    {
        ArgumentNullException.ThrowIfNull(pcns);
        // Practices are compared with practices: of the same ICB, of PCNs in the same similar-PCN group, or all.
        string GroupOf(PcnCounts p)
        {
            var (units, pcn) = p.Pcn is null ? ("PCNs", p.Code) : ("practices", p.Pcn);
            return peers switch
            {
                "icb" => $"{units} of ICB {p.Icb}",
                "similar" => similar is not null && similar.ClusterOf.TryGetValue(pcn, out var cluster)
                    ? p.Pcn is null ? $"similar PCNs (group {cluster} of {similar.K})" : $"practices of similar PCNs (group {cluster} of {similar.K})"
                    : p.Pcn is null ? "PCNs with no profile to group by" : "practices of PCNs with no profile to group by",
                _ => $"all {units}",
            };
        }
        var rows = new List<BenchmarkRow>();
        foreach (var indicator in indicators ?? Indicator.All)
        {
            var units = pcns.Select(p => (Pcn: p, Parts: Parts(indicator, p))).ToList();
            foreach (var group in units.GroupBy(u => GroupOf(u.Pcn)))
            {
                var published = group.Select(u => u.Parts).Where(p => p.Published).ToList();
                var peer = Peer(indicator, published);
                var results = group.Select(u => Row(indicator, u.Pcn, u.Parts, peer, group.Key, confidence) is var row && u.Pcn.Pcn is { } pcn ? row with { Pcn = pcn } : row)
                    .ToList();
                if (overdispersion && indicator.Kind is IndicatorKind.Proportion or IndicatorKind.Rate && published.Count >= MinimumForOverdispersion && peer.Value is > 0)
                    results = Overdispersed(indicator, results, peer.Value.Value);
                rows.AddRange(Ranked(indicator, results));
            }
        }
        return rows;
    }

    // The peers' value pools the published PCNs: events over denominators, or for a mean people's values over people
    // with the within-PCN standard deviation pooled (the funnel's sigma).
    private static (double? Value, double? Sigma) Peer(Indicator indicator, List<UnitParts> published)
    {
        if (published.Count == 0)
            return (null, null);
        var denominator = published.Sum(p => p.Denominator!.Value);
        if (indicator.Kind != IndicatorKind.Mean)
            return (published.Sum(p => p.Number!.Value) / denominator, null);
        var spread = published.Where(p => p.Spread is not null && p.Denominator > 1).ToList();
        var degrees = spread.Sum(p => p.Denominator!.Value - 1);
        return (published.Sum(p => p.Number!.Value * p.Denominator!.Value) / denominator,
            degrees > 0 ? Math.Sqrt(spread.Sum(p => (p.Denominator!.Value - 1) * p.Spread!.Value * p.Spread.Value) / degrees) : null);
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

    // One PCN's parts of one indicator as published: the numerator (a count; for a mean the mean; for an estimate the
    // central estimate), [c] or null; the denominator (null when hidden or absent); a mean's standard deviation; an
    // estimate's interval.
    private sealed record UnitParts(object? Numerator, double? Denominator, double? Spread = null, object? Lower = null, object? Upper = null)
    {
        public double? Number => Numerator switch { long n => n, double d => d, _ => null };

        public bool Published => Number is not null && Denominator is > 0;
    }

    private static UnitParts Parts(Indicator indicator, PcnCounts p)
    {
        static double? Number(object? value) => value switch { long n => n, double d => d, _ => null };
        object? Minutes(object? appointments) => appointments is SuppressedCell ? appointments : Number(appointments) * p.Freed?.MinutesPerAppointment;
        return indicator.Key switch
        {
            "diverted_share" => new(Hidden(p.Signposted) ?? p.Diverted, Number(p.Signposted)),
            "acceptance_rate" => new(Hidden(p.WithDecision) ?? p.Accepted, Number(p.WithDecision)),
            "capacity_rejection_rate" => new(Hidden(p.WithDecision) ?? p.RejectedCapacity, Number(p.WithDecision)),
            "inappropriate_referral_rate" => new(Hidden(p.WithDecision) ?? p.RejectedInappropriate, Number(p.WithDecision)),
            "signposting_per_1000_gp_appointments" => new(p.Signposted, p.GpAppointments),
            "diverted_per_1000_patients" => new(p.Diverted, p.RegisteredPatients),
            "representation_rate" => new(Hidden(p.FollowUpComplete) ?? p.Represented, Number(p.FollowUpComplete)),
            "freed_per_1000_patients" => new(p.Freed?.Central, p.RegisteredPatients, Lower: p.Freed?.Lower, Upper: p.Freed?.Upper),
            "freed_minutes_per_1000_patients" => new(p.Freed?.Minutes, p.RegisteredPatients,
                Lower: Minutes(p.Freed?.Lower), Upper: Minutes(p.Freed?.Upper)),
            "sp_referrals_per_1000_patients" => new(p.SpReferrals, p.RegisteredPatients),
            "wellbeing_improvement_rate" => new(Hidden(p.WellbeingBoth) ?? p.WellbeingImproved, Number(p.WellbeingBoth)),
            "mean_days_to_first_contact" => new(Hidden(p.SpSeen) ?? p.MeanDays, Number(p.SpSeen), Number(p.SdDays)),
            _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator.Key, "not a benchmark indicator"),
        };
    }

    // A hidden denominator count hides the indicator too.
    private static SuppressedCell? Hidden(object? denominator) => denominator is SuppressedCell ? SuppressedCell.Instance : null;

    private static BenchmarkRow Row(Indicator indicator, PcnCounts pcn, UnitParts parts, (double? Value, double? Sigma) peers, string group, double confidence)
    {
        var (numerator, denominator) = (parts.Numerator, parts.Denominator);
        var peer = peers.Value;
        if (numerator is SuppressedCell)
            return new BenchmarkRow(pcn.Code, pcn.Name, group, indicator, SuppressedCell.Instance, denominator, null, null, null, Shown(indicator, peer), null, null, null, null, SuppressedCell.Symbol, SuppressedCell.Symbol, null, null, null);
        if (!parts.Published || peer is null)
            return new BenchmarkRow(pcn.Code, pcn.Name, group, indicator, numerator, denominator, null, null, null, Shown(indicator, peer), null, null, null, null, "[x]", "[x]", null, null, null);
        var n = denominator!.Value;
        switch (indicator.Kind)
        {
            case IndicatorKind.Proportion:
            {
                var events = (long)numerator!;
                var own = Proportion.Of(events, (long)n, confidence);
                var (narrow, wide) = (PheFunnel.ProportionLimits(peer.Value, n, 0.95), PheFunnel.ProportionLimits(peer.Value, n, 0.998));
                var label = PheFunnel.ProportionSignificance(events, n, peer.Value);
                return new BenchmarkRow(pcn.Code, pcn.Name, group, indicator, events, n, own.Value, own.Lower, own.Upper, peer,
                    Math.Max(0, narrow.Lower!.Value), Math.Min(1, narrow.Upper!.Value), Math.Max(0, wide.Lower!.Value), Math.Min(1, wide.Upper!.Value),
                    label, Word(label, indicator.Direction), null, null, null);
            }
            case IndicatorKind.Mean:
                return MeanRow(indicator, pcn, parts, peer.Value, peers.Sigma, group, confidence);
            case IndicatorKind.Estimate:
            {
                // An estimate per 1,000 with its bootstrap interval: ranked, never given a word a funnel cannot back.
                double? PerThousand(object? value) => value switch { double d => d / n * Indicator.PerThousand, long c => c / n * Indicator.PerThousand, _ => null };
                return new BenchmarkRow(pcn.Code, pcn.Name, group, indicator, numerator, n, PerThousand(numerator), PerThousand(parts.Lower), PerThousand(parts.Upper),
                    peer * Indicator.PerThousand, null, null, null, null, NoFunnel, NotCompared, null, null, null);
            }
            default:
            {
                var events = (long)numerator!;
                var (value, interval) = PoissonInterval.Rate(events, n, Indicator.PerThousand, confidence);
                // The funnel around the peer rate: the Poisson interval of the count expected at this denominator.
                var expected = peer.Value * n;
                var (l95, l998) = (PoissonInterval.Count(expected, 0.95), PoissonInterval.Count(expected, 0.998));
                var rateLabel = FunnelSignificance.AgainstBounds(peer.Value, events, n);
                double? PerThousand(double? count) => count / n * Indicator.PerThousand;
                return new BenchmarkRow(pcn.Code, pcn.Name, group, indicator, events, n, value, interval.Lower, interval.Upper, peer * Indicator.PerThousand,
                    PerThousand(l95.Lower), PerThousand(l95.Upper), PerThousand(l998.Lower), PerThousand(l998.Upper), rateLabel, Word(rateLabel, indicator.Direction), null, null, null);
            }
        }
    }

    /// <summary>The funnel label of an indicator with no funnel (an estimate).</summary>
    public const string NoFunnel = "no funnel: an estimate, not a count";

    /// <summary>Fingertips' word for a figure that is not tested against its peers.</summary>
    public const string NotCompared = "Not compared";

    // The peers' value as a row shows it: rates and estimates per 1,000.
    private static double? Shown(Indicator indicator, double? peer) => indicator.Kind is IndicatorKind.Rate or IndicatorKind.Estimate ? peer * Indicator.PerThousand : peer;

    // A mean (Spiegelhalter's funnel for means): the PCN's t interval from its own standard deviation; limits at the
    // peers' mean ± z σ/√n with σ the peers' pooled within-PCN standard deviation; the label where the mean falls.
    private static BenchmarkRow MeanRow(Indicator indicator, PcnCounts pcn, UnitParts parts, double peer, double? sigma, string group, double confidence)
    {
        var n = parts.Denominator!.Value;
        var mean = parts.Number!.Value;
        double? lower = null, upper = null;
        if (parts.Spread is { } sd && n >= 2)
        {
            var half = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, n - 1, 1 - ((1 - Statistics.Confidence.Normalise(confidence)) / 2)) * sd / Math.Sqrt(n);
            (lower, upper) = (mean - half, mean + half);
        }
        if (sigma is not { } s)
            return new BenchmarkRow(pcn.Code, pcn.Name, group, indicator, null, n, mean, lower, upper, peer, null, null, null, null, "[x]", "[x]", null, null, null);
        double Half(double level) => MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 1 - ((1 - level) / 2)) * s / Math.Sqrt(n);
        var (h95, h998) = (Half(0.95), Half(0.998));
        var label = mean > peer + h998 ? FunnelSignificance.HighExtreme
            : mean > peer + h95 ? FunnelSignificance.High
            : mean < peer - h998 ? FunnelSignificance.LowExtreme
            : mean < peer - h95 ? FunnelSignificance.Low
            : FunnelSignificance.NotSignificant;
        return new BenchmarkRow(pcn.Code, pcn.Name, group, indicator, null, n, mean, lower, upper, peer, Math.Max(0, peer - h95), peer + h95, Math.Max(0, peer - h998),
            peer + h998, label, Word(label, indicator.Direction), null, null, null);
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
