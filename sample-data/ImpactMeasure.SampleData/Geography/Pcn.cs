namespace ImpactMeasure.SampleData.Geography;

/// <summary>A primary care network; <see cref="LinkWorkerStartMonth"/> is the month index its social
/// prescribing link worker starts, or null for PCNs that have none in the period (the comparison group).</summary>
public sealed record Pcn(string Code, string Name, Area SubIcb, int? LinkWorkerStartMonth)
{
    public static readonly Pcn Unallocated = new("U", "UNALLOCATED", new Area("", "", ""), null);

    public bool IsUnallocated => Code == "U";
}
