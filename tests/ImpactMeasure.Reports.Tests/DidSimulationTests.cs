using ImpactMeasure.Reports.Models.Simulations;

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
        var outcome = ModelSimulations.Did(effect, trials: 200);

        outcome.Covered.Should().BeInRange(180, 200, $"a 95% interval covers the true ATT in about 95% of {outcome.Trials} trials (seed {outcome.Seed})");
        if (effect == 0)
            outcome.Significant.Should().BeLessThanOrEqualTo(20, "no effect is called significant about 5% of the time");
        else
            outcome.Significant.Should().BeGreaterThan(190);
    }
}
