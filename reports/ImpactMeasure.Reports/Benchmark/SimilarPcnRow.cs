using ImpactMeasure.Reports.Metrics;

namespace ImpactMeasure.Reports.Benchmark;

/// <summary>One PCN's similar-PCN group and its nearest PCNs by profile (<c>similar_pcns</c>), with the public parts of
/// its profile: list size and GP appointments per 1,000 patients (NHS England publishes both). The referral shares
/// the groups are also built on are not printed: they come from counts outside the protected release.</summary>
public sealed record SimilarPcnRow(string PcnCode, string PcnName, int Group, int Groups, double RegisteredPatients, double GpAppointmentsPer1000,
    IReadOnlyList<string> Nearest)
{
    public static IReadOnlyList<Column<SimilarPcnRow>> Columns { get; } =
    [
        Column.Text<SimilarPcnRow>("pcn_code", r => r.PcnCode),
        Column.Text<SimilarPcnRow>("pcn_name", r => r.PcnName),
        Column.Plain<SimilarPcnRow>("group", r => r.Group),
        Column.Plain<SimilarPcnRow>("of_groups", r => r.Groups),
        Column.Plain<SimilarPcnRow>("registered_patients", r => r.RegisteredPatients, "0"),
        Column.Plain<SimilarPcnRow>("gp_appointments_per_1000_patients", r => r.GpAppointmentsPer1000, "0.0"),
        Column.Text<SimilarPcnRow>("nearest_pcns", r => string.Join(' ', r.Nearest)),
    ];

    /// <summary>Every PCN with a profile, by code.</summary>
    public static MetricTable<SimilarPcnRow> Table(PeerClusters clusters, IReadOnlyList<PcnProfile> profiles, IReadOnlyDictionary<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(names);
        var rows = profiles.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => new SimilarPcnRow(p.Code, names.GetValueOrDefault(p.Code, p.Code),
            clusters.ClusterOf[p.Code], clusters.K, Math.Exp(p.Features[0]), p.Features[1], clusters.Nearest[p.Code])).ToList();
        return new MetricTable<SimilarPcnRow>("similar_pcns", "Similar-PCN groups and each PCN's nearest PCNs by profile", Columns, rows)
        {
            Methods =
            [
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"k-means (ML.NET, seeded) on standardised {string.Join(", ", SimilarPcns.FeatureNames)}; k = {clusters.K} by the highest mean silhouette ({clusters.Silhouette:0.00}); nearest_pcns: the five PCNs closest by the same standardised profile, nearest first. The referral shares are not printed: they rest on counts outside the protected release."),
            ],
        };
    }
}
