namespace ImpactMeasure.SampleData.Local;

/// <summary>A patient's age band, sex and deprivation decile, fixed per patient.</summary>
public sealed record Demographics(string AgeBand, string Sex, int ImdDecile)
{
    private static readonly string[] AgeBands = ["0-17", "18-39", "40-64", "65-79", "80+"];
    private static readonly double[] AgeWeights = [0.12, 0.28, 0.32, 0.18, 0.10];

    public static Demographics For(int seed, string patientId, int practiceDecile)
    {
        var random = new SeededRandom(seed, "demographics", patientId);
        return new Demographics(
            AgeBands[random.Pick(AgeWeights)],
            random.Chance(0.56) ? "F" : random.Chance(0.98) ? "M" : "U",
            Math.Clamp(practiceDecile + random.Between(-1, 2), 1, 10));
    }
}
