using ImpactMeasure.Warehouse.Configuration;
using ImpactMeasure.Etl.Privacy;

namespace ImpactMeasure.Etl;

/// <summary>The "etl" section of impact.json: the bad-row threshold and, where the environment does not give it,
/// the pseudonymisation key (keep that file out of the repository: it is a secret).</summary>
public sealed record EtlSettings
{
    public double MaxBadRows { get; init; } = 0.05;

    public string? PseudonymisationKey { get; init; }

    /// <summary>The "vocabulary" section beside "etl" in the same file.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Vocabulary.VocabularyMap Vocabulary { get; init; } = ImpactMeasure.Etl.Vocabulary.VocabularyMap.Empty;

    public static EtlSettings Load(string? path) => Load(ImpactConfiguration.Load(path));

    /// <summary>The "etl" and "vocabulary" sections of a configuration read once.</summary>
    public static EtlSettings Load(ImpactConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = ConfigSection.Load<EtlSettings>(configuration, "etl") ?? new EtlSettings();
        if (!double.IsFinite(settings.MaxBadRows) || settings.MaxBadRows is < 0 or > 1)
            throw new InvalidDataException($"{configuration.Path}: etl.max_bad_rows is {settings.MaxBadRows}: {MaxBadRowsExpected}");
        return settings with { Vocabulary = ImpactMeasure.Etl.Vocabulary.VocabularyMap.Load(configuration) };
    }

    /// <summary>What a bad-row share must be, for the messages that refuse one.</summary>
    public const string MaxBadRowsExpected = "expected a share of the rows between 0 and 1 (0.05 rejects a file with more than 5% bad rows)";

    /// <summary>The ETL options these settings give: the bad-row share, and the key from IMPACT_PSEUDO_KEY, else the
    /// configured key, else none. A key too short to use is no key, and why is kept to say only when a file holds
    /// NHS numbers: other files load without one.</summary>
    public EtlOptions Options()
    {
        var (key, source) = Environment.GetEnvironmentVariable(Privacy.Pseudonymiser.KeyVariable) is { Length: > 0 } variable
            ? (variable, Privacy.Pseudonymiser.KeyVariable)
            : (PseudonymisationKey, "etl.pseudonymisation_key");
        if (string.IsNullOrEmpty(key))
            return new EtlOptions { MaxBadRowShare = MaxBadRows, Vocabulary = Vocabulary };
        return Privacy.Pseudonymiser.IsUsable(key)
            ? new EtlOptions { MaxBadRowShare = MaxBadRows, Vocabulary = Vocabulary, Pseudonymiser = new Pseudonymiser(key) }
            : new EtlOptions { MaxBadRowShare = MaxBadRows, Vocabulary = Vocabulary, KeyProblem = $"the key in {source} is shorter than {Privacy.Pseudonymiser.MinimumKeyLength} characters" };
    }
}
