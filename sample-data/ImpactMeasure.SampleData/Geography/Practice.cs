namespace ImpactMeasure.SampleData.Geography;

/// <summary>A synthetic GP practice with everything the generators need about it.</summary>
public sealed record Practice(
    string Code,
    string Name,
    string Postcode,
    string Supplier,
    Area Region,
    Area Icb,
    Area SubIcb,
    Pcn Pcn,
    int ListSizeAtStart,
    int DeprivationDecile,
    int? CareNavigationStartMonth)
{
    /// <summary>Set for the one practice that moves PCN part-way through the period.</summary>
    public (Pcn To, int Month)? Move { get; init; }

    public Pcn PcnIn(int month) => Move is { } move && month >= move.Month ? move.To : Pcn;

    /// <summary>List size grows slowly, as real lists do (about 1% a year).</summary>
    public int ListSizeIn(int month) => (int)Math.Round(ListSizeAtStart * (1 + (0.0008 * month)));

    public int? LinkWorkerStartMonth => PcnIn(0).LinkWorkerStartMonth;

    public bool HasLinkWorkerIn(int month) => PcnIn(month).LinkWorkerStartMonth is { } start && month >= start;

    public bool HasCareNavigationIn(int month) => CareNavigationStartMonth is { } start && month >= start;
}
