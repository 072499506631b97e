namespace ImpactMeasure.Reports.Models.Simulations;

/// <summary>Each impact model on simulated data with a planted effect, including none (METHODS §6): the tests run
/// 200 trials of each, <c>impact bench models</c> as many as asked. The data-generating processes are the ones the
/// models assume, with what makes a naive method fail: seasonality and trends for the time series, effects that
/// differ by cohort and grow with time for the staggered difference in differences, selection on age for the
/// matched before/after.</summary>
public static class ModelSimulations
{
    public const int ItsSeed = 20261204;
    public const int DidSeed = 20261205;
    public const int MatchedSeed = 20261206;

    /// <summary>The pooled interrupted time series: 40 practices over 24 months, 30 starting at random months, a
    /// planted relative level change.</summary>
    public static SimulationOutcome Its(double planted, int trials, int seed = ItsSeed)
    {
        var random = new Random(seed);
        var (covered, significant, sum) = (0, 0, 0.0);
        for (var trial = 0; trial < trials; trial++)
        {
            var months = new List<PracticeMonth>();
            for (var p = 0; p < 40; p++)
            {
                int? start = p < 30 ? 8 + random.Next(12) : null;
                var level = Math.Log(80 + (random.NextDouble() * 60));
                for (var t = 1; t <= 24; t++)
                {
                    var season = 0.08 * Math.Cos(2 * Math.PI * (t - 1) / 12);
                    var effect = start is { } s && t >= s ? Math.Log(1 + planted) : 0;
                    months.Add(new PracticeMonth($"P{p:D3}", t, ((t - 1) % 12) + 1, Math.Exp(level + (0.002 * t) + season + effect + (0.03 * Normal(random))), start));
                }
            }
            var fit = PooledIts.Fit(months);
            covered += fit.LevelLower <= planted && planted <= fit.LevelUpper ? 1 : 0;
            significant += fit.LevelP < 0.05 ? 1 : 0;
            sum += fit.LevelChange;
        }
        return new SimulationOutcome("interrupted time series (pooled level change, relative)", planted, trials, covered, significant, sum / trials, planted, seed);
    }

    /// <summary>The staggered difference in differences: 40 practices over 24 months, 30 starting at random months,
    /// effects that grow with time since the start and are larger for earlier cohorts (log scale); the truth is the
    /// estimator's own target, each post cell's true effect weighted by cohort size.</summary>
    public static SimulationOutcome Did(double planted, int trials, int seed = DidSeed)
    {
        var random = new Random(seed);
        var (covered, significant, sum, truthSum) = (0, 0, 0.0, 0.0);
        for (var trial = 0; trial < trials; trial++)
        {
            const int units = 40;
            const int periods = 24;
            var first = Enumerable.Range(0, units).Select(i => i < 30 ? 6 + random.Next(14) : 0).ToArray();
            var y = new double[units, periods];
            for (var i = 0; i < units; i++)
            {
                var level = Math.Log(80 + (random.NextDouble() * 60));
                for (var t = 1; t <= periods; t++)
                {
                    var e = first[i] > 0 && t >= first[i] ? t - first[i] : -1;
                    var tau = e < 0 ? 0 : planted * (1 + (0.05 * e)) * (1.2 - (0.02 * first[i]));
                    y[i, t - 1] = level + (0.002 * t) + (0.08 * Math.Cos(2 * Math.PI * (t - 1) / 12)) + tau + (0.03 * Normal(random));
                }
            }
            var cells = StaggeredDid.GroupTime(y, first, DidControl.NotYetTreated, DidBasePeriod.Varying);
            var simple = StaggeredDid.Simple(cells, first);
            var weighted = cells.Where(c => c.Post).Select(c => (Weight: first.Count(f => f == c.Group), True: planted * (1 + (0.05 * c.EventTime)) * (1.2 - (0.02 * c.Group))))
                .Aggregate((Sum: 0.0, Weights: 0.0), (a, c) => (a.Sum + (c.Weight * c.True), a.Weights + c.Weight));
            var target = weighted.Sum / weighted.Weights;
            covered += simple.Lower <= target && target <= simple.Upper ? 1 : 0;
            significant += simple.Lower > 0 || simple.Upper < 0 ? 1 : 0;
            sum += simple.Att;
            truthSum += target;
        }
        return new SimulationOutcome("staggered difference in differences (overall ATT, log)", planted, trials, covered, significant, sum / trials, truthSum / trials, seed);
    }

    private static readonly string[] AgeBands = ["18-39", "40-64", "65-79", "80+"];

    /// <summary>The matched before/after: populations of 24 practices in 8 PCNs, 120 registered patients and about 30
    /// referred each; GP use by age band and sex; referral twice as likely at 65 and over; a planted change in GP
    /// appointments per person over six months after referral.</summary>
    public static SimulationOutcome Matched(double planted, int trials, int seed = MatchedSeed)
    {
        var (covered, significant, sum) = (0, 0, 0.0);
        for (var trial = 0; trial < trials; trial++)
        {
            var (people, visits) = Population(seed + trial, planted);
            var result = MatchedBeforeAfter.Estimate(people, visits, new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31),
                (new DateOnly(2023, 10, 1), new DateOnly(2025, 9, 30)), seed: seed + trial, resamples: 1000, confidence: 0.95);
            covered += result.Lower <= planted && planted <= result.Upper ? 1 : 0;
            significant += result.Lower > 0 || result.Upper < 0 ? 1 : 0;
            sum += result.Effect;
        }
        return new SimulationOutcome("matched before/after (GP appointments per person, 6 months)", planted, trials, covered, significant, sum / trials, planted, seed);
    }

    private static (List<RegisteredPerson> People, Dictionary<string, DateOnly[]> Visits) Population(int seed, double planted)
    {
        var random = new Random(seed);
        var people = new List<RegisteredPerson>();
        var visits = new Dictionary<string, DateOnly[]>(StringComparer.Ordinal);
        var (start, end) = (new DateOnly(2023, 10, 1), new DateOnly(2025, 9, 30));
        for (var practice = 0; practice < 24; practice++)
        {
            var code = $"P{practice:D5}";
            var pcn = $"U{practice % 8:D5}";
            for (var i = 0; i < 150; i++)
            {
                var id = $"{code}-{i}";
                var age = random.Next(AgeBands.Length);
                var sex = random.NextDouble() < 0.55 ? "F" : "M";
                var rate = (0.3 + (0.13 * age)) * (sex == "F" ? 1.1 : 1.0);
                var referredChance = age >= 2 ? 0.3 : 0.15;
                DateOnly? referral = i < 120 && random.NextDouble() >= referredChance ? null : new DateOnly(2024, 4, 1).AddDays(random.Next(365));
                people.Add(new RegisteredPerson(id, code, pcn, AgeBands[age], sex, 1 + random.Next(10), new DateOnly(2019, 1, 1), null, referral));
                var dates = new List<DateOnly>();
                for (var day = start; day <= end; day = day.AddDays(1))
                {
                    var monthly = referral is { } r && day > r ? Math.Max(0, rate + (planted / 6)) : rate;
                    if (random.NextDouble() < monthly * 12 / 365.25)
                        dates.Add(day);
                }
                visits[id] = [.. dates];
            }
        }
        return (people, visits);
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
