using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace ImpactMeasure.Reports.Pack;

/// <summary>Adds native Excel line charts (DrawingML, referencing the table sheets' cells, so analysts can restyle
/// and copy them) to a saved workbook: ClosedXML 0.95 draws pictures through System.Drawing, which needs
/// libgdiplus on Linux. Also sets the document language.</summary>
public static class NativeCharts
{
    private const uint CategoryAxisId = 48650112u;
    private const uint ValueAxisId = 48672768u;

    public static void Add(string path, IReadOnlyList<PackChart> charts, string language = "en-GB")
    {
        ArgumentNullException.ThrowIfNull(charts);
        using var document = SpreadsheetDocument.Open(path, true);
        document.PackageProperties.Language = language;
        var workbookPart = document.WorkbookPart!;
        for (var i = 0; i < charts.Count; i++)
        {
            var sheet = workbookPart.Workbook.Descendants<Sheet>().First(s => s.Name == $"Chart_{i + 1}");
            var worksheetPart = (WorksheetPart)workbookPart.GetPartById(sheet.Id!);
            AddChart(worksheetPart, charts[i], language);
        }
    }

    private static void AddChart(WorksheetPart worksheetPart, PackChart chart, string language)
    {
        var drawingsPart = worksheetPart.AddNewPart<DrawingsPart>();
        var drawing = new Drawing { Id = worksheetPart.GetIdOfPart(drawingsPart) };
        // Schema order: drawing follows headerFooter (which ClosedXML writes) and precedes tableParts.
        var after = (OpenXmlElement?)worksheetPart.Worksheet.GetFirstChild<HeaderFooter>() ?? (OpenXmlElement?)worksheetPart.Worksheet.GetFirstChild<PageSetup>()
            ?? worksheetPart.Worksheet.GetFirstChild<PageMargins>();
        if (after is null)
            worksheetPart.Worksheet.Append(drawing);
        else
            worksheetPart.Worksheet.InsertAfter(drawing, after);
        var chartPart = drawingsPart.AddNewPart<ChartPart>();
        chartPart.ChartSpace = ChartSpace(chart, language);
        drawingsPart.WorksheetDrawing = new Xdr.WorksheetDrawing(Anchor(chart, drawingsPart.GetIdOfPart(chartPart)));
        worksheetPart.Worksheet.Save();
    }

    private static C.ChartSpace ChartSpace(PackChart chart, string language)
    {
        var lineChart = new C.LineChart(new C.Grouping { Val = C.GroupingValues.Standard }, new C.VaryColors { Val = false });
        for (var i = 0; i < chart.Series.Count; i++)
        {
            var (name, column, colour) = chart.Series[i];
            lineChart.Append(new C.LineChartSeries(
                new C.Index { Val = (uint)i },
                new C.Order { Val = (uint)i },
                new C.SeriesText(new C.NumericValue(name)),
                new C.ChartShapeProperties(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = colour })) { Width = i == 0 ? 28575 : 19050 }),
                new C.Marker(new C.Symbol { Val = i == 0 ? C.MarkerStyleValues.Circle : C.MarkerStyleValues.None }),
                new C.CategoryAxisData(new C.StringReference(new C.Formula(Range(chart, chart.CategoryColumn)))),
                new C.Values(new C.NumberReference(new C.Formula(Range(chart, column)))),
                new C.Smooth { Val = false }));
        }
        lineChart.Append(new C.ShowMarker { Val = true }, new C.AxisId { Val = CategoryAxisId }, new C.AxisId { Val = ValueAxisId });
        var plotArea = new C.PlotArea(new C.Layout(), lineChart,
            new C.CategoryAxis(new C.AxisId { Val = CategoryAxisId }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                new C.Delete { Val = false }, new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
                new C.TickLabelPosition { Val = C.TickLabelPositionValues.Low }, new C.CrossingAxis { Val = ValueAxisId },
                new C.Crosses { Val = C.CrossesValues.AutoZero }, new C.AutoLabeled { Val = true },
                new C.LabelAlignment { Val = C.LabelAlignmentValues.Center }, new C.LabelOffset { Val = 100 }),
            new C.ValueAxis(new C.AxisId { Val = ValueAxisId }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                new C.Delete { Val = false }, new C.AxisPosition { Val = C.AxisPositionValues.Left }, new C.MajorGridlines(),
                new C.NumberingFormat { FormatCode = "General", SourceLinked = true }, new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                new C.CrossingAxis { Val = CategoryAxisId }, new C.Crosses { Val = C.CrossesValues.AutoZero },
                new C.CrossBetween { Val = C.CrossBetweenValues.Between }));
        var title = new C.Title(
            new C.ChartText(new C.RichText(new A.BodyProperties(), new A.ListStyle(),
                new A.Paragraph(new A.Run(new A.RunProperties { FontSize = 1400, Bold = true, Language = language }, new A.Text(chart.Title))),
                new A.Paragraph(new A.Run(new A.RunProperties { FontSize = 1200, Bold = false, Language = language }, new A.Text(chart.Subtitle))))),
            new C.Overlay { Val = false });
        var chartElement = new C.Chart(title, new C.AutoTitleDeleted { Val = false }, plotArea,
            new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
            new C.PlotVisibleOnly { Val = true }, new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });
        return new C.ChartSpace(
            new C.EditingLanguage { Val = language },
            new C.RoundedCorners { Val = false },
            chartElement,
            new C.TextProperties(new A.BodyProperties(), new A.ListStyle(),
                new A.Paragraph(new A.ParagraphProperties(new A.DefaultRunProperties { FontSize = 1200 }), new A.EndParagraphRunProperties { Language = language })));
    }

    private static Xdr.TwoCellAnchor Anchor(PackChart chart, string chartId) =>
        new(
            new Xdr.FromMarker(new Xdr.ColumnId("0"), new Xdr.ColumnOffset("0"), new Xdr.RowId("4"), new Xdr.RowOffset("0")),
            new Xdr.ToMarker(new Xdr.ColumnId("1"), new Xdr.ColumnOffset("0"), new Xdr.RowId("30"), new Xdr.RowOffset("0")),
            new Xdr.GraphicFrame(
                new Xdr.NonVisualGraphicFrameProperties(
                    new Xdr.NonVisualDrawingProperties { Id = 2u, Name = chart.Title, Description = chart.AltText },
                    new Xdr.NonVisualGraphicFrameDrawingProperties()),
                new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                new A.Graphic(new A.GraphicData(new C.ChartReference { Id = chartId }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
            { Macro = "" },
            new Xdr.ClientData());

    private static string Range(PackChart chart, string column) => $"'{chart.DataSheet}'!${column}${chart.FirstRow}:${column}${chart.LastRow}";
}
