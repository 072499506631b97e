using static ImpactMeasure.Etl.Formats.ColumnSpec;

namespace ImpactMeasure.Etl.Formats.PracticeMap;

/// <summary>Practice reference data in its two published layouts (EXTRACTS.md): the registered-patients practice
/// map and GPAD's Mapping.csv; both become dim_practice versions (SCD type 2).</summary>
public static class PracticeMapFormats
{
    public const string DimPracticeScript = "Formats/PracticeMap/dim_practice.sql";
    public const string CompleteInferredScript = "Formats/PracticeMap/dim_practice_complete_inferred.sql";

    /// <summary>Run for practices inferred from any extract (see <see cref="Loading.PracticeKeys"/>).</summary>
    public const string InferredIcbScript = "Formats/PracticeMap/dim_practice_inferred_icb.sql";

    public static IReadOnlyList<ExtractFormat> All { get; } =
    [
        Format("patients registered practice map",
            [Must("practice_code"), Must("pcn_code"), SubIcbCode, Must("icb_code", "stp_code"), Must("comm_region_code"), Must("extract_date"),
             May("practice_name"), May("pcn_name"), May("sub_icb_location_name", "ccg_name"), May("icb_name", "stp_name"),
             May("comm_region_name"), May("supplier_name")]),
        Format("GPAD Mapping.csv",
            [Must("gp_code"), Must("pcn_code"), SubIcbCode, Must("icb_code", "stp_code"), Must("region_code"),
             May("gp_name"), May("supplier"), May("pcn_name"), May("sub_icb_location_name", "ccg_name"), May("icb_name", "stp_name"),
             May("region_name")]),
    ];

    private static ExtractFormat Format(string layout, IReadOnlyList<ColumnSpec> columns) =>
        new(FormatCatalog.PracticeMapping, layout, columns)
        {
            LoadOrder = 0, Loader = () => new PracticeMappingLoader(), Scripts = [DimPracticeScript, CompleteInferredScript, InferredIcbScript],
        };
}
