namespace ImpactMeasure.Reports.Pack;

/// <summary>A native line chart on its own sheet, drawn from columns of a table sheet (rows firstRow..lastRow).</summary>
public sealed record PackChart(string Title, string Subtitle, string AltText, string DataSheet, int FirstRow, int LastRow, string CategoryColumn,
    IReadOnlyList<(string Name, string Column, string Colour)> Series);
