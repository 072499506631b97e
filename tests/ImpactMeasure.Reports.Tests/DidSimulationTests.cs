using ImpactMeasure.Reports.Models;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The staggered difference in differences by simulation with known answers, including none: panels of 40
/// practices over 24 months, 30 starting at random months, effects that differ by cohort and grow with time since
/// the start (so a two-way fixed-effects regression would be biased); the overall ATT's 95% interval should cover the
/// true overall ATT about 95% of the time and call a zero effect significant about 5% of the time.</summary>
public class DidSimulationTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.05)]
    public void The_overall_effect_is_covered_about_95_percent_of_the_time(double effect)
    {
        var random = new Random(20261205);
        const int trials = 200;
        var (covered, significant) = (0, 0);
        for (var trial = 0; trial < trials; trial++)
        {
            const int units = 40;
            const int periods = 24;
            var first = Enumerable.Range(0, units).Select(i => i < 30 ? 6 + random.Next(14) : 0).ToArray();
            var y = new double[units, periods];
            var truth = new List<(int Group, double Att)>();
            for (var i = 0; i < units; i++)
            {
                var level = Math.Log(80 + (random.NextDouble() * 60));
                for (var t = 1; t <= periods; t++)
                {
                    // The effect grows with time since the start and is larger for earlier cohorts.
                    var e = first[i] > 0 && t >= first[i] ? t - first[i] : -1;
                    var tau = e < 0 ? 0 : effect * (1 + (0.05 * e)) * (1.2 - (0.02 * first[i]));
                    y[i, t - 1] = level + (0.002 * t) + (0.08 * Math.Cos(2 * Math.PI * (t - 1) / 12)) + tau + (0.03 * Normal(random));
                    if (e >= 0)
                        truth.Add((first[i], tau));
                }
            }
            var cells = StaggeredDid.GroupTime(y, first, DidControl.NotYetTreated, DidBasePeriod.Varying);
            var simple = StaggeredDid.Simple(cells, first);
            // The true simple ATT: each post cell's true effect weighted as the estimator weights it (by cohort size).
            var trueAtt = cells.Where(c => c.Post).Select(c => (Weight: first.Count(f => f == c.Group), True: effect * (1 + (0.05 * c.EventTime)) * (1.2 - (0.02 * c.Group))))
                .Aggregate((Sum: 0.0, Weights: 0.0), (a, c) => (a.Sum + (c.Weight * c.True), a.Weights + c.Weight));
            var target = trueAtt.Sum / trueAtt.Weights;
            covered += simple.Lower <= target && target <= simple.Upper ? 1 : 0;
            significant += simple.Lower > 0 || simple.Upper < 0 ? 1 : 0;
        }
        covered.Should().BeInRange(180, 200, $"a 95% interval covers the true ATT in about 95% of {trials} trials (seed 20261205)");
        if (effect == 0)
            significant.Should().BeLessThanOrEqualTo(20, "no effect is called significant about 5% of the time");
        else
            significant.Should().BeGreaterThan(190);
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
