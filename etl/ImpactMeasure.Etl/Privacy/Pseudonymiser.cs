using System.Security.Cryptography;
using System.Text;

namespace ImpactMeasure.Etl.Privacy;

/// <summary>Turns an NHS number into HMAC-SHA256(key, normalised NHS number) at read time (METHODS §8). The key
/// comes from <c>IMPACT_PSEUDO_KEY</c> or the configuration, never from the repository.</summary>
public sealed class Pseudonymiser
{
    public const string KeyVariable = "IMPACT_PSEUDO_KEY";
    private readonly byte[] _key;

    public const int MinimumKeyLength = 16;

    public Pseudonymiser(string key)
    {
        if (!IsUsable(key))
            throw new ArgumentException($"the pseudonymisation key must be at least {MinimumKeyLength} characters", nameof(key));
        _key = Encoding.UTF8.GetBytes(key);
    }

    public static bool IsUsable(string? key) => key is { Length: >= MinimumKeyLength };

    /// <summary>The pseudonymous id of a normalised (ten-digit) NHS number.</summary>
    public string PseudoIdOf(string nhsNumber)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(nhsNumber), hash);
        return Convert.ToHexStringLower(hash);
    }
}
