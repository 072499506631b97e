using ImpactMeasure.Reports.Metrics;

namespace ImpactMeasure.Reports.Benchmark;

/// <summary>One PCN on one indicator against its peers: the published numerator and denominator (a count hidden by
/// disclosure control hides the indicator), the value with its 95% interval, the peers' value, the funnel limits at
/// the PCN's denominator, the funnel's label and the comparison word, and the rank among peers. A practice's row is the
/// same with the practice's code and name in <see cref="PcnCode"/> and <see cref="PcnName"/> and its PCN in <see cref="Pcn"/>.</summary>
public sealed record BenchmarkRow(string PcnCode, string PcnName, string Peers, Indicator Indicator, object? Numerator, double? Denominator, double? Value,
    double? Lower95, double? Upper95, double? PeerValue, double? Limit95Lower, double? Limit95Upper, double? Limit998Lower, double? Limit998Upper,
    string Funnel, string Comparison, int? Rank, int? Ranked, int? Quartile)
{
    /// <summary>A practice's PCN; null on a PCN's row.</summary>
    public string? Pcn { get; init; }

    public static IReadOnlyList<Column<BenchmarkRow>> Columns { get; } =
    [
        Column.Text<BenchmarkRow>("pcn_code", r => r.PcnCode),
        Column.Text<BenchmarkRow>("pcn_name", r => r.PcnName),
        Column.Text<BenchmarkRow>("peers", r => r.Peers),
        Column.Text<BenchmarkRow>("indicator", r => r.Indicator.Key),
        Column.Text<BenchmarkRow>("indicator_name", r => r.Indicator.Name),
        Column.Text<BenchmarkRow>("unit", r => r.Indicator.Unit),
        Column.Plain<BenchmarkRow>("numerator", r => r.Numerator),
        Column.Plain<BenchmarkRow>("denominator", r => r.Denominator, "0.#"),
        Column.Plain<BenchmarkRow>("value", r => r.Value, "0.0000"),
        Column.Plain<BenchmarkRow>("lower_95", r => r.Lower95, "0.0000"),
        Column.Plain<BenchmarkRow>("upper_95", r => r.Upper95, "0.0000"),
        Column.Plain<BenchmarkRow>("peer_value", r => r.PeerValue, "0.0000"),
        Column.Plain<BenchmarkRow>("funnel_95_lower", r => r.Limit95Lower, "0.0000"),
        Column.Plain<BenchmarkRow>("funnel_95_upper", r => r.Limit95Upper, "0.0000"),
        Column.Plain<BenchmarkRow>("funnel_998_lower", r => r.Limit998Lower, "0.0000"),
        Column.Plain<BenchmarkRow>("funnel_998_upper", r => r.Limit998Upper, "0.0000"),
        Column.Text<BenchmarkRow>("funnel", r => r.Funnel),
        Column.Text<BenchmarkRow>("comparison", r => r.Comparison),
        Column.Plain<BenchmarkRow>("rank", r => r.Rank),
        Column.Plain<BenchmarkRow>("of", r => r.Ranked),
        Column.Plain<BenchmarkRow>("quartile", r => r.Quartile),
    ];

    // After Columns: static properties initialise in order.
    /// <summary>The practice table's columns: the practice, its PCN, then as <see cref="Columns"/>.</summary>
    public static IReadOnlyList<Column<BenchmarkRow>> PracticeColumns { get; } =
    [
        Column.Text<BenchmarkRow>("practice_code", r => r.PcnCode),
        Column.Text<BenchmarkRow>("practice_name", r => r.PcnName),
        Column.Text<BenchmarkRow>("pcn_code", r => r.Pcn ?? ""),
        .. Columns.Skip(2),
    ];
}
