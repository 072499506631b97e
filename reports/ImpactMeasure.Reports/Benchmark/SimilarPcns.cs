using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ImpactMeasure.Reports.Benchmark;

/// <summary>One PCN's profile: the features similar PCNs are grouped by (see <see cref="SimilarPcns.FeatureNames"/>).</summary>
public sealed record PcnProfile(string Code, double[] Features);

/// <summary>The similar-PCN groups: how many, how well separated (mean silhouette), each PCN's group and its nearest
/// PCNs by profile.</summary>
public sealed record PeerClusters(int K, double Silhouette, IReadOnlyDictionary<string, int> ClusterOf, IReadOnlyDictionary<string, IReadOnlyList<string>> Nearest);

/// <summary>"Similar PCNs" (METHODS §4): k-means (ML.NET, k-means++ start, one thread, seeded, so the groups are the
/// same on every run) on standardised profiles; k from 2 to 8 (and at most a third of the PCNs), chosen by the
/// highest mean silhouette, the smaller k on a tie. Fewer than six PCNs with a profile form one group.</summary>
public static class SimilarPcns
{
    public static IReadOnlyList<string> FeatureNames { get; } =
    [
        "registered patients (log)", "GP appointments per 1,000 patients", "share of referred patients in the most deprived 40%",
        "share of referred patients aged 65 and over",
    ];

    private const int Neighbours = 5;

    public static PeerClusters Cluster(IReadOnlyList<PcnProfile> profiles, int seed)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var points = Standardise(profiles.Select(p => p.Features).ToList());
        var distances = Distances(points);
        var nearest = profiles.Select((p, i) => (p.Code, Peers: (IReadOnlyList<string>)Nearest(profiles, distances[i], i)))
            .ToDictionary(p => p.Code, p => p.Peers, StringComparer.Ordinal);
        if (profiles.Count < 6)
            return new PeerClusters(1, double.NaN, profiles.ToDictionary(p => p.Code, _ => 1, StringComparer.Ordinal), nearest);
        var best = (K: 0, Silhouette: double.NegativeInfinity, Labels: Array.Empty<int>());
        for (var k = 2; k <= Math.Min(8, profiles.Count / 3); k++)
        {
            var labels = KMeans(points, k, seed);
            var silhouette = SilhouetteOf(distances, labels);
            if (silhouette > best.Silhouette + 1e-12)
                best = (k, silhouette, labels);
        }
        return new PeerClusters(best.K, best.Silhouette, profiles.Select((p, i) => (p.Code, best.Labels[i])).ToDictionary(p => p.Code, p => p.Item2, StringComparer.Ordinal), nearest);
    }

    /// <summary>The <see cref="Neighbours"/> PCNs nearest to PCN <paramref name="self"/>, nearest first (ties by code):
    /// kept in a short sorted list in one pass, not by sorting every other PCN (nationally 1,300 sorts of 1,300).</summary>
    private static List<string> Nearest(IReadOnlyList<PcnProfile> profiles, double[] distance, int self)
    {
        var best = new List<int>(Neighbours + 1);
        bool Before(int a, int b) => distance[a] < distance[b]
            || (distance[a] == distance[b] && string.CompareOrdinal(profiles[a].Code, profiles[b].Code) < 0);
        for (var j = 0; j < profiles.Count; j++)
        {
            if (j == self || (best.Count == Neighbours && !Before(j, best[^1])))
                continue;
            var at = best.Count;
            while (at > 0 && Before(j, best[at - 1]))
                at--;
            best.Insert(at, j);
            if (best.Count > Neighbours)
                best.RemoveAt(Neighbours);
        }
        return best.Select(j => profiles[j].Code).ToList();
    }

    /// <summary>Groups numbered 1..k by their first member in input order, so the numbering is stable too.</summary>
    private static int[] KMeans(double[][] points, int k, int seed)
    {
        var context = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(Point));
        schema[nameof(Point.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, points[0].Length);
        var data = context.Data.LoadFromEnumerable(points.Select(p => new Point { Features = p.Select(v => (float)v).ToArray() }), schema);
        var trainer = context.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = nameof(Point.Features),
            NumberOfClusters = k,
            NumberOfThreads = 1,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            MaximumNumberOfIterations = 1000,
        });
        var raw = trainer.Fit(data).Transform(data).GetColumn<uint>("PredictedLabel").ToArray();
        var renumber = new Dictionary<uint, int>();
        return raw.Select(label => renumber.TryGetValue(label, out var n) ? n : renumber[label] = renumber.Count + 1).ToArray();
    }

    /// <summary>Mean silhouette: for each point, (b − a) / max(a, b) with a its mean distance within its group and b
    /// the least mean distance to another group (0 for a point alone in its group).</summary>
    public static double Silhouette(double[][] points, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(points);
        return SilhouetteOf(Distances(points), labels);
    }

    // One pass over each point's row of the distance matrix sums its distances by group: O(n²), not O(n²·k).
    private static double SilhouetteOf(double[][] distances, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var groups = labels.Distinct().Order().ToArray();
        var slot = groups.Select((g, s) => (g, s)).ToDictionary(p => p.g, p => p.s);
        var slotOf = labels.Select(label => slot[label]).ToArray();
        var sizes = new int[groups.Length];
        foreach (var s in slotOf)
            sizes[s]++;
        var sums = new double[groups.Length];
        var total = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            Array.Clear(sums);
            var row = distances[i];
            for (var j = 0; j < labels.Length; j++)
                sums[slotOf[j]] += row[j];
            var own = slotOf[i];
            if (sizes[own] == 1)
                continue;
            var a = sums[own] / (sizes[own] - 1);
            var b = double.NaN;
            for (var g = 0; g < groups.Length; g++)
            {
                if (g != own && sizes[g] > 0 && !(sums[g] / sizes[g] >= b))
                    b = sums[g] / sizes[g];
            }
            total += double.IsNaN(b) ? 0 : (b - a) / Math.Max(a, b);
        }
        return total / labels.Length;
    }

    private static double[][] Distances(double[][] points)
    {
        var distances = points.Select(_ => new double[points.Length]).ToArray();
        for (var i = 0; i < points.Length; i++)
        {
            for (var j = i + 1; j < points.Length; j++)
                distances[i][j] = distances[j][i] = Distance(points[i], points[j]);
        }
        return distances;
    }

    private static double[][] Standardise(List<double[]> rows)
    {
        var width = rows.Count == 0 ? 0 : rows[0].Length;
        var mean = Enumerable.Range(0, width).Select(c => rows.Average(r => r[c])).ToArray();
        var sd = Enumerable.Range(0, width).Select(c => Math.Sqrt(rows.Sum(r => Math.Pow(r[c] - mean[c], 2)) / Math.Max(rows.Count - 1, 1))).ToArray();
        return rows.Select(r => r.Select((v, c) => sd[c] > 0 ? (v - mean[c]) / sd[c] : 0).ToArray()).ToArray();
    }

    private static double Distance(double[] x, double[] y)
    {
        var sum = 0.0;
        for (var c = 0; c < x.Length; c++)
            sum += (x[c] - y[c]) * (x[c] - y[c]);
        return Math.Sqrt(sum);
    }

    private sealed class Point
    {
        public float[] Features { get; set; } = [];
    }
}
