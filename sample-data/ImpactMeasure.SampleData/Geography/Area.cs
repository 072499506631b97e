namespace ImpactMeasure.SampleData.Geography;

/// <summary>A code with its published name and ONS code (region, ICB or sub-ICB).</summary>
public sealed record Area(string Code, string Name, string OnsCode);
