using ImpactMeasure.Reports.Statistics;

namespace ImpactMeasure.Reports.Models;

/// <summary>A registered patient: practice, demographics, registration dates and first social prescribing referral.</summary>
public sealed record RegisteredPerson(string Id, string Practice, string Pcn, string AgeBand, string Sex, int? ImdDecile, DateOnly From, DateOnly? To,
    DateOnly? ReferralDate);

/// <summary>One referred patient's matched set: GP appointments in the six months before and after the referral, and
/// the mean of its comparison patients' over the same dates.</summary>
public sealed record MatchedSet(string Patient, string Practice, string Pcn, int Before, int After, double ControlBefore, double ControlAfter, int Controls,
    int Level)
{
    public double Effect => After - Before - (ControlAfter - ControlBefore);
}

/// <summary>The matched before/after estimate: the mean over referred patients of their change in GP appointments
/// minus their comparison patients' change, with its interval (a cluster bootstrap by PCN), the matches made at each
/// level, and who could not be matched or was not in the register.</summary>
public sealed record MatchedResult(double Effect, double? Lower, double? Upper, IReadOnlyList<MatchedSet> Sets, int Referred, int NotRegistered,
    int OutsideData, int Unmatched, int DistinctControls, int Pcns);

/// <summary>METHODS §6's matched before/after for social prescribing. Each patient referred in the window (their first
/// referral; registered at least six months before it and six after) is matched with up to five patients of the same
/// practice, registered throughout the same twelve months and not referred by the end of them, of the same sex, age
/// band and deprivation quintile and the same band of GP use in the six months before the referral (0, 1, 2–3, 4 or
/// more); where none is found, deprivation is let go, then the practice (patients of the same PCN). Sex and age band
/// are never let go: GP use depends on them, and matching across them on a band of past use lets the comparison's
/// later use regress to its group's mean (a simulation showed the bias when age was let go). The comparison patients are chosen from the
/// registered population using nothing after the referral date, so the outcome cannot steer the choice.</summary>
public static class MatchedBeforeAfter
{
    public const int WindowMonths = 6;
    public const int ControlsPerReferral = 5;

    public static readonly string[] Levels =
    [
        "practice, sex, age band, deprivation quintile and baseline GP use",
        "practice, sex, age band and baseline GP use (deprivation let go)",
        "PCN, sex, age band and baseline GP use (deprivation and practice let go)",
    ];

    public static MatchedResult Estimate(IReadOnlyList<RegisteredPerson> people, IReadOnlyDictionary<string, DateOnly[]> visits, DateOnly firstReferral,
        DateOnly lastReferral, (DateOnly First, DateOnly Last)? dataSpan, int seed, int resamples, double confidence)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(visits);
        var pcnPeople = people.GroupBy(p => p.Pcn, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var referred = people.Where(p => p.ReferralDate is { } d && d >= firstReferral && d <= lastReferral)
            .GroupBy(p => p.Id, StringComparer.Ordinal).Select(g => g.OrderByDescending(p => p.From).First())
            .OrderBy(p => p.Practice, StringComparer.Ordinal).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        var random = new ResampleGenerator(seed);
        var sets = new List<MatchedSet>();
        var (notRegistered, outside, unmatched) = (0, 0, 0);
        var controlsUsed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var person in referred)
        {
            var index = person.ReferralDate!.Value;
            var (start, end) = (index.AddMonths(-WindowMonths), index.AddMonths(WindowMonths));
            if (!RegisteredThroughout(person, start, end))
            {
                notRegistered++;
                continue;
            }
            if (dataSpan is not { } span || start < span.First || end > span.Last)
            {
                outside++;
                continue;
            }
            var before = Count(visits, person.Id, start, index);
            var band = Band(before);
            var pool = pcnPeople[person.Pcn].Where(c => c.Id != person.Id && RegisteredThroughout(c, start, end) && !(c.ReferralDate <= end)
                && c.Sex == person.Sex && c.AgeBand == person.AgeBand && Band(Count(visits, c.Id, start, index)) == band).ToList();
            var (controls, level) = Choose(pool, person);
            if (controls.Count == 0)
            {
                unmatched++;
                continue;
            }
            var picked = Sample(controls, ControlsPerReferral, random);
            controlsUsed.UnionWith(picked.Select(c => c.Id));
            sets.Add(new MatchedSet(person.Id, person.Practice, person.Pcn, before, Count(visits, person.Id, index.AddDays(1), end.AddDays(1)),
                picked.Average(c => Count(visits, c.Id, start, index)), picked.Average(c => Count(visits, c.Id, index.AddDays(1), end.AddDays(1))),
                picked.Count, level));
        }
        var byPcn = sets.GroupBy(s => s.Pcn, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PcnSum(g.Sum(s => s.Effect), g.Count())).ToList();
        var effect = sets.Count == 0 ? double.NaN : sets.Average(s => s.Effect);
        var interval = ClusterBootstrap.Percentile(byPcn, (a, b) => new PcnSum(a.Sum + b.Sum, a.Sets + b.Sets), u => u.Sets == 0 ? null : u.Sum / u.Sets,
            seed, resamples, confidence);
        return new MatchedResult(effect, interval.Lower, interval.Upper, sets, referred.Count, notRegistered, outside, unmatched, controlsUsed.Count, byPcn.Count);
    }

    /// <summary>The baseline band of GP use in the six months before: 0, 1, 2–3, 4 or more.</summary>
    public static int Band(int visits) => visits switch { 0 => 0, 1 => 1, <= 3 => 2, _ => 3 };

    private readonly record struct PcnSum(double Sum, long Sets);

    // The closest level at which anyone matches (the pool already shares the PCN, sex, age band and baseline band).
    private static (List<RegisteredPerson> Controls, int Level) Choose(List<RegisteredPerson> pool, RegisteredPerson person)
    {
        var practice = pool.Where(c => c.Practice == person.Practice).ToList();
        var exact = practice.Where(c => Quintile(c.ImdDecile) == Quintile(person.ImdDecile)).ToList();
        if (exact.Count > 0)
            return (exact, 0);
        return practice.Count > 0 ? (practice, 1) : (pool, 2);
    }

    private static int? Quintile(int? decile) => decile is { } d ? (d + 1) / 2 : null;

    private static bool RegisteredThroughout(RegisteredPerson p, DateOnly start, DateOnly end) => p.From <= start && (p.To is null || p.To >= end);

    // Up to k of the candidates at random, without replacement (a partial Fisher–Yates shuffle).
    private static List<RegisteredPerson> Sample(List<RegisteredPerson> candidates, int k, ResampleGenerator random)
    {
        var copy = candidates.ToList();
        var take = Math.Min(k, copy.Count);
        for (var i = 0; i < take; i++)
        {
            var j = i + random.NextIndex(copy.Count - i);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        return copy.GetRange(0, take);
    }

    // Visits on days from (inclusive) to (exclusive), by binary search of the patient's sorted dates.
    private static int Count(IReadOnlyDictionary<string, DateOnly[]> visits, string patient, DateOnly from, DateOnly to)
    {
        if (!visits.TryGetValue(patient, out var dates))
            return 0;
        return LowerBound(dates, to) - LowerBound(dates, from);
    }

    private static int LowerBound(DateOnly[] dates, DateOnly value)
    {
        var (lo, hi) = (0, dates.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (dates[mid] < value)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}
