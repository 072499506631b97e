using ImpactMeasure.Reports.Models.Simulations;

namespace ImpactMeasure.Reports.Tests;

/// <summary>The matched before/after estimator by simulation with a known answer (ModelSimulations.Matched: 200
/// synthetic populations of 24 practices in 8 PCNs, GP use by age band and sex, referral twice as likely at 65 and
/// over, a planted change of −0.9 GP appointments per person over six months, or none). The 95% interval covers the
/// planted change about 95% of the time, the estimator is unbiased, and a zero effect is called significant about 5%
/// of the time. `impact bench models` runs the same with more populations.</summary>
public class MatchedBeforeAfterSimulationTests
{
    [Theory]
    [InlineData(-0.9)]
    [InlineData(0.0)]
    public void The_interval_covers_the_planted_change_about_95_percent_of_the_time(double planted)
    {
        var outcome = ModelSimulations.Matched(planted, trials: 200);

        outcome.Coverage.Should().BeInRange(0.90, 0.995, $"the 95% interval covers {planted} in {outcome.Covered} of {outcome.Trials} populations");
        outcome.MeanEstimate.Should().BeApproximately(planted, 0.05, "the estimator is unbiased when referral depends on what matching sees");
        if (planted == 0)
            outcome.SignificantShare.Should().BeLessThanOrEqualTo(0.10, "a zero effect is called significant about 5% of the time");
        else
            outcome.SignificantShare.Should().BeGreaterThan(0.95, "a fall of 0.9 appointments per person is found");
    }
}
