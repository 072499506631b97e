using ImpactMeasure.Reports.Metrics;
using ImpactMeasure.Reports.Statistics;
using MathNet.Numerics.Distributions;

namespace ImpactMeasure.Reports.Tests;

/// <summary>METHODS §1 by simulation with a known answer: 400 generated areas of 60 practices whose re-presentation
/// rates vary around a planted 18% (practice effects, as in real data). The cluster bootstrap over practices covers the
/// planted rate and the expected freed appointments at least 93% of the time; an interval that treats events as
/// independent (Wilson) covers far less, which is why it is not used for an area.</summary>
public class ClusterBootstrapCoverageTests
{
    private const int Datasets = 400;
    private const int Practices = 60;
    private const double PlantedRate = 0.18;
    private const int BootstrapSeed = 20251128;
    private const double MeanEvents = (50 + 399) / 2.0;

    [Fact]
    public void The_practice_bootstrap_covers_the_planted_values_at_least_93_percent_of_the_time()
    {
        var (rateCovered, freedCovered, wilsonCovered) = (0, 0, 0);
        var expectedFreed = Practices * MeanEvents * (1 - PlantedRate);
        for (var dataset = 0; dataset < Datasets; dataset++)
        {
            var practices = Area(dataset);
            var total = FollowUpCounts.Sum(practices);
            var rate = ClusterBootstrap.Percentile(practices, (a, b) => a + b, c => c.ObservedRate, BootstrapSeed, 1000, 0.95);
            var freed = ClusterBootstrap.Percentile(practices, (a, b) => a + b, c => c.Freed(null), BootstrapSeed, 1000, 0.95);
            var wilson = Proportion.Of(total.Represented, total.Complete, 0.95);
            rateCovered += rate.Lower <= PlantedRate && PlantedRate <= rate.Upper ? 1 : 0;
            freedCovered += freed.Lower <= expectedFreed && expectedFreed <= freed.Upper ? 1 : 0;
            wilsonCovered += wilson.Lower <= PlantedRate && PlantedRate <= wilson.Upper ? 1 : 0;
        }

        ((double)rateCovered / Datasets).Should().BeGreaterThanOrEqualTo(0.93, "the re-presentation rate's interval");
        ((double)freedCovered / Datasets).Should().BeGreaterThanOrEqualTo(0.93, "the freed appointments' interval");
        ((double)wilsonCovered / Datasets).Should().BeLessThan(0.8, "events of one practice are not independent");
    }

    // Practice sizes uniform 50–399 events, each practice's rate Beta(16.4, 74.8): mean 0.18, sd 0.04.
    private static List<FollowUpCounts> Area(int seed)
    {
        var random = new Random((seed * 7919) + 17);
        var beta = new Beta(16.425, 74.825, random);
        return Enumerable.Range(0, Practices).Select(_ =>
        {
            var events = 50 + random.Next(350);
            var represented = Binomial.Sample(random, beta.Sample(), events);
            return new FollowUpCounts { Signposted = events, Diverted = events, Complete = events, Represented = represented };
        }).ToList();
    }
}
