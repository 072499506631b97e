using ImpactMeasure.Reports.Statistics;

namespace ImpactMeasure.Reports.Tests;

/// <summary>did's multiplier cluster bootstrap: its standard error is the cluster means' (√Σm²/G) when draws are
/// many, it is reproducible, and by simulation with a known answer (a mean of 0, shocks shared within each of ten
/// clusters) its interval covers near the nominal rate where an interval ignoring the clusters does not.</summary>
public class WildClusterBootstrapTests
{
    [Fact]
    public void With_many_clusters_the_error_is_that_of_the_cluster_means()
    {
        var random = new Random(5);
        var influence = Enumerable.Range(0, 2000).Select(_ => random.NextDouble() * 4 - 2).ToArray();
        var cluster = Enumerable.Range(0, 2000).Select(i => $"c{i % 400}").ToArray();
        var means = influence.Select((v, i) => (cluster[i], v)).GroupBy(p => p.Item1).Select(g => g.Average(p => p.v)).ToArray();
        var expected = Math.Sqrt(means.Sum(m => m * m)) / means.Length;

        var (se, lower, upper) = WildClusterBootstrap.Interval(1.0, influence, cluster, seed: 11);

        se.Should().BeApproximately(expected, expected * 0.1, "the Rademacher draws' spread is the cluster means' root sum of squares");
        lower.Should().BeApproximately(1.0 - (1.959963984540054 * se), 1e-12);
        upper.Should().BeApproximately(1.0 + (1.959963984540054 * se), 1e-12);
        WildClusterBootstrap.Interval(1.0, influence, cluster, seed: 11).Should().Be((se, lower, upper), "a seed gives the same interval");
    }

    [Fact]
    public void With_ten_clusters_it_covers_a_known_mean_where_ignoring_the_clusters_does_not()
    {
        const int Trials = 400, Clusters = 10, PerCluster = 6;
        var random = new Random(42);
        var (bootstrapCovers, naiveCovers) = (0, 0);
        for (var trial = 0; trial < Trials; trial++)
        {
            var y = new double[Clusters * PerCluster];
            var cluster = new string[y.Length];
            for (var c = 0; c < Clusters; c++)
            {
                var shock = Normal(random);
                for (var k = 0; k < PerCluster; k++)
                {
                    y[(c * PerCluster) + k] = shock + Normal(random);
                    cluster[(c * PerCluster) + k] = $"c{c}";
                }
            }
            var mean = y.Average();
            var influence = y.Select(v => v - mean).ToArray(); // the mean's influence function: its error is √Σψ²/n
            var (_, lower, upper) = WildClusterBootstrap.Interval(mean, influence, cluster, seed: trial);
            bootstrapCovers += lower < 0 && 0 < upper ? 1 : 0;
            var naive = Math.Sqrt(influence.Sum(v => v * v)) / y.Length;
            naiveCovers += Math.Abs(mean) < 1.959963984540054 * naive ? 1 : 0;
        }

        bootstrapCovers.Should().BeGreaterThan((int)(0.85 * Trials), "near the nominal 95% with ten clusters (normal critical values run a little short)");
        naiveCovers.Should().BeLessThan((int)(0.75 * Trials), "an interval that treats the units as independent is far too narrow");
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
