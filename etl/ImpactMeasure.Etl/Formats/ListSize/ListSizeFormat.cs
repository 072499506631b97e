using static ImpactMeasure.Etl.Formats.ColumnSpec;

namespace ImpactMeasure.Etl.Formats.ListSize;

/// <summary>Practice list sizes (EXTRACTS.md): registered patients per practice and month, the denominators.</summary>
public static class ListSizeFormat
{
    public const string FactScript = "Formats/ListSize/fct_list_size.sql";

    public static ExtractFormat Spec { get; } = new(FormatCatalog.ListSize, "practice list size",
        [Must("practice_code"), Must("extract_date"), Must("number_of_patients")])
    {
        LoadOrder = 1, Loader = () => new ListSizeLoader(), Scripts = [FactScript],
    };
}
