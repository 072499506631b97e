using System.Security.Cryptography;
using System.Text;
using MathNet.Numerics.Distributions;

namespace ImpactMeasure.SampleData;

/// <summary>A deterministic random stream derived from the seed and a key (e.g. "crosstab", practice, month),
/// so each piece of output can be generated on its own, in any order, and still be byte-identical.</summary>
public sealed class SeededRandom
{
    private readonly Random _random;

    public SeededRandom(int seed, params object[] key)
    {
        var text = seed.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + string.Join("|", key);
        _random = new Random(BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0));
    }

    public double Uniform() => _random.NextDouble();

    public int Between(int minInclusive, int maxExclusive) => _random.Next(minInclusive, maxExclusive);

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public int Poisson(double mean) => mean <= 0 ? 0 : MathNet.Numerics.Distributions.Poisson.Sample(_random, mean);

    public double Normal(double mean, double sd) => MathNet.Numerics.Distributions.Normal.Sample(_random, mean, sd);

    public int[] Multinomial(double[] weights, int trials) =>
        MathNet.Numerics.Distributions.Multinomial.Sample(_random, weights, trials);

    /// <summary>Picks an index with probability proportional to its weight.</summary>
    public int Pick(IReadOnlyList<double> weights)
    {
        var total = weights.Sum();
        var u = _random.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            u -= weights[i];
            if (u < 0)
                return i;
        }
        return weights.Count - 1;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Picks <paramref name="count"/> distinct indexes, each drawn in proportion to its weight
    /// (Efraimidis–Spirakis keys).</summary>
    public int[] PickDistinct(IReadOnlyList<double> weights, int count) =>
        weights.Select((w, i) => (Key: w <= 0 ? double.MinValue : Math.Log(_random.NextDouble()) / w, Index: i))
            .OrderByDescending(k => k.Key)
            .Take(count)
            .Select(k => k.Index)
            .Order()
            .ToArray();

    /// <summary>A hex id that looks like a pseudonymised identifier.</summary>
    public static string PseudoId(int seed, params object[] key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed + "|" + string.Join("|", key))))[..16];
}
