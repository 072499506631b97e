namespace ImpactMeasure.Reports.Disclosure;

/// <summary>The size of a protected release and where the time went: building its identities, the line rule, the
/// linear-programming audit over all rounds (and how many programs it solved: most cells are certified by the
/// solutions of their neighbours' programs), and the search for complements.</summary>
public sealed record ProtectionStatistics(int Cells, int Identities, int Rounds, TimeSpan BuildIdentities, TimeSpan LineRule, TimeSpan Audit,
    long Programs, TimeSpan Complements);
