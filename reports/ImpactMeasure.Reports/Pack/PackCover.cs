namespace ImpactMeasure.Reports.Pack;

/// <summary>What a pack's Cover says (its first line the title, its second the heading of the key messages), what
/// each table's title ends with (area and period), and the workbook's document properties.</summary>
public sealed record PackCover(IReadOnlyList<string> Lines, string TableTitleSuffix, string DocumentTitle, string Author, string Keywords);
