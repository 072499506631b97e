using System.Text.Json;
using System.Text.Json.Serialization;
using ImpactMeasure.Etl.Privacy;

namespace ImpactMeasure.Etl;

/// <summary>The "etl" section of impact.json: the bad-row threshold and, where the environment does not give it,
/// the pseudonymisation key (keep that file out of the repository: it is a secret).</summary>
public sealed record EtlSettings
{
    public double MaxBadRows { get; init; } = 0.05;

    public string? PseudonymisationKey { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static EtlSettings Load(string? path)
    {
        if (path is null || !File.Exists(path))
            return new EtlSettings();
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            return document.RootElement.TryGetProperty("etl", out var etl) ? etl.Deserialize<EtlSettings>(Json) ?? new EtlSettings() : new EtlSettings();
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: the etl section is not valid: {ex.Message}", ex);
        }
    }

    /// <summary>IMPACT_PSEUDO_KEY, else the configured key, else none (files with NHS numbers are then refused).</summary>
    public Pseudonymiser? Pseudonymiser() =>
        Privacy.Pseudonymiser.FromEnvironment() ?? (string.IsNullOrEmpty(PseudonymisationKey) ? null : new Pseudonymiser(PseudonymisationKey));
}
