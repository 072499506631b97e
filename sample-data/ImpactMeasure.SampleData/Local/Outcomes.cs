namespace ImpactMeasure.SampleData.Local;

/// <summary>The outcome codes of METHODS.md §2 and a probability mix over them.</summary>
public static class Outcomes
{
    public const string Accepted = "accepted";
    public const string Attended = "attended";
    public const string RejectedCapacity = "rejected_capacity";
    public const string RejectedInappropriate = "rejected_inappropriate";
    public const string DeclinedByPatient = "declined_by_patient";
    public const string DidNotAttend = "did_not_attend";
    public const string NoResponse = "no_response";
    public const string Pending = "pending";

    /// <summary>The order of the weights in every mix.</summary>
    public static readonly string[] Final = [Accepted, Attended, RejectedCapacity, RejectedInappropriate, DeclinedByPatient, DidNotAttend, NoResponse];

    public static bool IsDiverted(string outcome) => outcome is Accepted or Attended;

    public static bool IsServiceDecision(string outcome) =>
        outcome is Accepted or Attended or DidNotAttend or RejectedCapacity or RejectedInappropriate;

    /// <summary>The capacity-rejection rate a mix implies: capacity ÷ referrals with a service decision.</summary>
    public static double CapacityRate(double[] mix) => mix[2] / (mix[0] + mix[1] + mix[2] + mix[3] + mix[5]);

    /// <summary>A mix with the capacity-rejection weight set and the others scaled to keep the total.</summary>
    public static double[] WithCapacity(double[] mix, double capacity)
    {
        ArgumentNullException.ThrowIfNull(mix);
        var others = mix.Sum() - mix[2];
        return mix.Select((w, i) => i == 2 ? capacity : w * (1 - capacity) / others).ToArray();
    }
}
