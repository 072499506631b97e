namespace ImpactMeasure.Reports.Disclosure;

/// <summary>The size of a protected release and where the time went: building its identities, the line rule, and
/// the linear-programming audit over all rounds.</summary>
public sealed record ProtectionStatistics(int Cells, int Identities, int Rounds, TimeSpan BuildIdentities, TimeSpan LineRule, TimeSpan Audit);
