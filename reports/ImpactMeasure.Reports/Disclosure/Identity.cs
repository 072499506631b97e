namespace ImpactMeasure.Reports.Disclosure;

/// <summary>A linear relation between counts of a release that any reader can use: Σ coefficient × count = 0
/// (<see cref="Exact"/>) or ≥ 0 (a total bounds its parts). Cells are indexes into the release's cell list. The
/// description is written only when needed (an error): a national release has tens of thousands of identities.</summary>
public sealed record Identity(int[] Cells, int[] Coefficients, bool Exact, Func<string> Describe);
