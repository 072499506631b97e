using System.Globalization;
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
        var scatter = new C.ScatterChart(new C.ScatterStyle { Val = C.ScatterStyleValues.LineMarker }, new C.VaryColors { Val = false });
        var legendEntries = new List<C.LegendEntry>();
        var index = 0u;
        foreach (var series in chart.Series)
        {
            foreach (var (run, k) in series.Runs.Select((r, k) => (r, k)))
            {
                // One legend entry per series however many runs it is drawn in.
                if (k > 0 || !series.InLegend)
                    legendEntries.Add(new C.LegendEntry(new C.Index { Val = index }, new C.Delete { Val = true }));
                var element = new C.ScatterChartSeries(
                    new C.Index { Val = index },
                    new C.Order { Val = index },
                    series.NameColumn is { } names
                        ? new C.SeriesText(new C.StringReference(new C.Formula($"'{chart.DataSheet}'!${names}${run.First}")))
                        : new C.SeriesText(new C.NumericValue(series.Name)),
                    new C.ChartShapeProperties(Outline(series)),
                    Marker(series));
                if (series.Look == ChartLook.Label)
                    element.Append(NameLabels());
                element.Append(
                    new C.XValues(new C.NumberReference(new C.Formula(Range(chart.DataSheet, chart.XColumn, run)))),
                    new C.YValues(new C.NumberReference(new C.Formula(Range(chart.DataSheet, series.Column, run)))),
                    new C.Smooth { Val = false });
                scatter.Append(element);
                index++;
            }
        }
        scatter.Append(new C.AxisId { Val = CategoryAxisId }, new C.AxisId { Val = ValueAxisId });
        var xAxis = new C.ValueAxis(new C.AxisId { Val = CategoryAxisId }, XScaling(chart),
            new C.Delete { Val = false }, new C.AxisPosition { Val = C.AxisPositionValues.Bottom }, AxisTitle(chart.XAxisTitle, language),
            new C.NumberingFormat { FormatCode = chart.XFormat, SourceLinked = false }, new C.MajorTickMark { Val = C.TickMarkValues.Outside },
            new C.TickLabelPosition { Val = chart.HideXLabels ? C.TickLabelPositionValues.None : C.TickLabelPositionValues.Low }, new C.CrossingAxis { Val = ValueAxisId },
            new C.Crosses { Val = C.CrossesValues.AutoZero }, new C.CrossBetween { Val = C.CrossBetweenValues.MidpointCategory });
        if (chart.XMajorUnit is { } unit)
            xAxis.Append(new C.MajorUnit { Val = unit });
        var yScaling = new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax });
        if (chart.YRange is { } yRange)
            yScaling.Append(new C.MaxAxisValue { Val = yRange.Max }, new C.MinAxisValue { Val = yRange.Min });
        var yAxis = new C.ValueAxis(new C.AxisId { Val = ValueAxisId }, yScaling,
            new C.Delete { Val = chart.HideYAxis }, new C.AxisPosition { Val = C.AxisPositionValues.Left });
        if (!chart.HideYAxis)
            yAxis.Append(new C.MajorGridlines(Gridlines()), AxisTitle(chart.YAxisTitle, language));
        yAxis.Append(new C.NumberingFormat { FormatCode = chart.YFormat, SourceLinked = false }, new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = CategoryAxisId }, new C.Crosses { Val = C.CrossesValues.AutoZero },
            new C.CrossBetween { Val = C.CrossBetweenValues.MidpointCategory });
        var plotArea = new C.PlotArea(new C.Layout(), scatter, xAxis, yAxis);
        var title = new C.Title(
            new C.ChartText(new C.RichText(new A.BodyProperties(), new A.ListStyle(),
                new A.Paragraph(new A.Run(new A.RunProperties { FontSize = 1400, Bold = true, Language = language }, new A.Text(chart.Title))),
                new A.Paragraph(new A.Run(new A.RunProperties { FontSize = 1200, Bold = false, Language = language }, new A.Text(chart.Subtitle))))),
            new C.Overlay { Val = false });
        var legend = new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom });
        foreach (var entry in legendEntries)
            legend.Append(entry);
        legend.Append(new C.Overlay { Val = false });
        var chartElement = new C.Chart(title, new C.AutoTitleDeleted { Val = false }, plotArea, legend,
            new C.PlotVisibleOnly { Val = true }, new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });
        return new C.ChartSpace(
            new C.EditingLanguage { Val = language },
            new C.RoundedCorners { Val = false },
            chartElement,
            new C.TextProperties(new A.BodyProperties(), new A.ListStyle(),
                new A.Paragraph(new A.ParagraphProperties(new A.DefaultRunProperties { FontSize = 1200 }), new A.EndParagraphRunProperties { Language = language })));
    }

    private static C.Scaling XScaling(PackChart chart)
    {
        var scaling = new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax });
        if (chart.XRange is { } range)
            scaling.Append(new C.MaxAxisValue { Val = range.Max }, new C.MinAxisValue { Val = range.Min });
        return scaling;
    }

    private static A.Outline Outline(ChartSeries series)
    {
        if (series.Look is ChartLook.Markers or ChartLook.BigMarkers or ChartLook.Label)
            return new A.Outline(new A.NoFill());
        if (series.Look is ChartLook.Band or ChartLook.Tick)
        {
            return new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = series.Colour }))
            {
                Width = (int)(series.Width * 12700), CapType = A.LineCapValues.Flat,
            };
        }
        var outline = new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = series.Colour })) { Width = series.Look == ChartLook.DashedLine ? 19050 : 28575 };
        if (series.Look == ChartLook.DashedLine)
            outline.Append(new A.PresetDash { Val = A.PresetLineDashValues.Dash });
        return outline;
    }

    private static C.Marker Marker(ChartSeries series) => series.Look switch
    {
        ChartLook.Markers => new C.Marker(new C.Symbol { Val = C.MarkerStyleValues.Circle }, new C.Size { Val = 9 },
            new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = series.Colour }), new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = series.Colour })))),
        ChartLook.BigMarkers => new C.Marker(new C.Symbol { Val = C.MarkerStyleValues.Circle }, new C.Size { Val = 13 },
            new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = series.Colour }), new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = "000000" })) { Width = 12700 })),
        ChartLook.Line => new C.Marker(new C.Symbol { Val = C.MarkerStyleValues.Circle }, new C.Size { Val = 5 },
            new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = series.Colour }))),
        _ => new C.Marker(new C.Symbol { Val = C.MarkerStyleValues.None }),
    };

    // The series' name as a label right of each point (a spine chart names its rows so).
    private static C.DataLabels NameLabels() => new(
        new C.DataLabelPosition { Val = C.DataLabelPositionValues.Right },
        new C.ShowLegendKey { Val = false }, new C.ShowValue { Val = false }, new C.ShowCategoryName { Val = false },
        new C.ShowSeriesName { Val = true }, new C.ShowPercent { Val = false }, new C.ShowBubbleSize { Val = false });

    private static C.ChartShapeProperties Gridlines() => new(new A.Outline(new A.SolidFill(new A.RgbColorModelHex { Val = "E0E0E0" })));

    private static C.Title AxisTitle(string text, string language) => new(
        new C.ChartText(new C.RichText(new A.BodyProperties(), new A.ListStyle(),
            new A.Paragraph(new A.Run(new A.RunProperties { FontSize = 1200, Bold = false, Language = language }, new A.Text(text))))),
        new C.Overlay { Val = false });

    private static Xdr.TwoCellAnchor Anchor(PackChart chart, string chartId) =>
        new(
            new Xdr.FromMarker(new Xdr.ColumnId("0"), new Xdr.ColumnOffset("0"), new Xdr.RowId("4"), new Xdr.RowOffset("0")),
            new Xdr.ToMarker(new Xdr.ColumnId("1"), new Xdr.ColumnOffset("0"), new Xdr.RowId((4 + chart.SheetRows).ToString(CultureInfo.InvariantCulture)), new Xdr.RowOffset("0")),
            new Xdr.GraphicFrame(
                new Xdr.NonVisualGraphicFrameProperties(
                    new Xdr.NonVisualDrawingProperties { Id = 2u, Name = chart.Title, Description = chart.AltText },
                    new Xdr.NonVisualGraphicFrameDrawingProperties()),
                new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                new A.Graphic(new A.GraphicData(new C.ChartReference { Id = chartId }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
            { Macro = "" },
            new Xdr.ClientData());

    private static string Range(string sheet, string column, (int First, int Last) run) => $"'{sheet}'!${column}${run.First}:${column}${run.Last}";
}
