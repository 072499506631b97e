using ImpactMeasure.Warehouse.Reference;

namespace ImpactMeasure.SampleData.Local;

/// <summary>Scores people seen by a link worker at baseline and, for most, at follow-up about 12 weeks later,
/// with a planted mean improvement per instrument (SWEMWBS planted on the metric scale).</summary>
public sealed class WellbeingGenerator
{
    /// <summary>Share of people seen whose follow-up is recorded.</summary>
    public const double FollowUpRate = 0.65;

    /// <summary>Instrument, baseline mean and sd, planted mean change, change sd (ONS4 on 0–10; SWEMWBS metric).</summary>
    public static readonly (string Instrument, double BaselineMean, double BaselineSd, double Change, double ChangeSd)[] Planted =
    [
        ("ONS4_SATISFACTION", 4.6, 2.0, 1.2, 1.8),
        ("ONS4_WORTHWHILE", 5.2, 2.0, 1.0, 1.8),
        ("ONS4_HAPPINESS", 4.5, 2.2, 1.1, 1.9),
        ("ONS4_ANXIETY", 5.8, 2.4, -1.3, 2.0),
        ("SWEMWBS", 18.0, 3.5, 2.6, 3.0),
    ];

    private readonly SampleDataOptions _options;
    private readonly Dictionary<string, (double Sum, int Pairs)> _realised = new(StringComparer.Ordinal);

    public WellbeingGenerator(SampleDataOptions options) => _options = options;

    /// <summary>The mean paired change actually drawn per instrument (SWEMWBS on the metric scale).</summary>
    public IReadOnlyDictionary<string, (double MeanChange, int Pairs)> Realised =>
        _realised.ToDictionary(r => r.Key, r => (r.Value.Sum / r.Value.Pairs, r.Value.Pairs), StringComparer.Ordinal);

    public IEnumerable<WellbeingScore> ScoresFor(SignpostEvent referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        if (!referral.IsSocialPrescribingReferral || referral.Outcome != Outcomes.Attended)
            yield break;
        var random = new SeededRandom(_options.Seed, "wellbeing", referral.EventId);
        var baseline = referral.OutcomeDate ?? referral.Date.AddDays(7);
        var followUp = baseline.AddDays(84 + random.Between(0, 15));
        var hasFollowUp = random.Chance(FollowUpRate) && followUp <= _options.End;
        foreach (var (instrument, mean, sd, change, changeSd) in Planted)
        {
            var (before, after, metricChange) = instrument == "SWEMWBS"
                ? Swemwbs(random, mean, sd, change, changeSd)
                : Ons4(random, mean, sd, change, changeSd);
            yield return new WellbeingScore(referral.EventId, referral.PatientId, referral.PracticeCode, instrument, "baseline", baseline, before);
            if (!hasFollowUp)
                continue;
            yield return new WellbeingScore(referral.EventId, referral.PatientId, referral.PracticeCode, instrument, "followup", followUp, after);
            var (sum, pairs) = _realised.GetValueOrDefault(instrument);
            _realised[instrument] = (sum + metricChange, pairs + 1);
        }
    }

    private static (int Before, int After, double Change) Ons4(SeededRandom random, double mean, double sd, double change, double changeSd)
    {
        var before = Math.Clamp((int)Math.Round(random.Normal(mean, sd)), 0, 10);
        var after = Math.Clamp((int)Math.Round(before + random.Normal(change, changeSd)), 0, 10);
        return (before, after, after - before);
    }

    private static (int Before, int After, double Change) Swemwbs(SeededRandom random, double mean, double sd, double change, double changeSd)
    {
        var before = Math.Clamp((int)Math.Round(random.Normal(mean, sd)), 7, 35);
        var after = SwemwbsScores.NearestRaw(SwemwbsScores.ToMetric(before) + random.Normal(change, changeSd));
        return (before, after, SwemwbsScores.ToMetric(after) - SwemwbsScores.ToMetric(before));
    }
}
