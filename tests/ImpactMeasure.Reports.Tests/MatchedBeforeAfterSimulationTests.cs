using ImpactMeasure.Reports.Models;
using MathNet.Numerics.Distributions;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The matched before/after estimator by simulation with a known answer: 200 synthetic populations (24
/// practices in 8 PCNs, each with 120 registered patients and 30 referred), GP use depending on age band and sex,
/// referral more likely for older people (selection on what matching sees), a planted change in GP use after referral
/// of −0.9 appointments per person over six months, or none. The 95% interval covers the planted change about 95% of
/// the time, and a zero effect is called significant about 5% of the time.</summary>
public class MatchedBeforeAfterSimulationTests
{
    private const int Populations = 200;
    private static readonly DateOnly Start = new(2023, 10, 1);
    private static readonly string[] AgeBands = ["18-39", "40-64", "65-79", "80+"];

    [Theory]
    [InlineData(-0.9)]
    [InlineData(0.0)]
    public void The_interval_covers_the_planted_change_about_95_percent_of_the_time(double planted)
    {
        var (covered, significant, estimates) = (0, 0, new List<double>());
        for (var p = 0; p < Populations; p++)
        {
            var (people, visits) = Population(p, planted);
            var result = MatchedBeforeAfter.Estimate(people, visits, new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31), (Start, new DateOnly(2025, 9, 30)),
                seed: 1000 + p, resamples: 1000, confidence: 0.95);
            covered += result.Lower <= planted && planted <= result.Upper ? 1 : 0;
            significant += result.Lower > 0 || result.Upper < 0 ? 1 : 0;
            estimates.Add(result.Effect);
        }

        var coverage = (double)covered / Populations;
        coverage.Should().BeInRange(0.90, 0.995, $"the 95% interval covers {planted} in {covered} of {Populations} populations");
        estimates.Average().Should().BeApproximately(planted, 0.05, "the estimator is unbiased when referral depends on what matching sees");
        if (planted == 0)
            ((double)significant / Populations).Should().BeLessThanOrEqualTo(0.10, "a zero effect is called significant about 5% of the time");
        else
            ((double)significant / Populations).Should().BeGreaterThan(0.95, "a fall of 0.9 appointments per person is found");
    }

    // GP appointments a month: 0.3 for the young to 0.7 for the oldest, 10% more for women; referral is twice as likely
    // at 65 and over. Visits fall on random days at those rates; after a referral the rate changes by planted / 6.
    private static (List<RegisteredPerson> People, Dictionary<string, DateOnly[]> Visits) Population(int seed, double planted)
    {
        var random = new Random(seed);
        var people = new List<RegisteredPerson>();
        var visits = new Dictionary<string, DateOnly[]>(StringComparer.Ordinal);
        var end = new DateOnly(2025, 9, 30);
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
                for (var day = Start; day <= end; day = day.AddDays(1))
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
}
