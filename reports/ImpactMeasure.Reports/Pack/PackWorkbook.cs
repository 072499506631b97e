using System.Globalization;
using ClosedXML.Excel;
using ImpactMeasure.Reports.Metrics;

namespace ImpactMeasure.Reports.Pack;

/// <summary>Writes the monthly pack as the Government Analysis Function's "releasing statistics in spreadsheets"
/// standard asks (PACK.md): Cover, Contents, Notes, one table per Table_n sheet, charts on Chart_n sheets.
/// Text always goes in as text (ClosedXML would turn "2025-01" into a date), numbers as numbers, symbols in
/// brackets; nothing is a formula.</summary>
public static class PackWorkbook
{
    private const int HeaderRow = 6;

    /// <summary>The row of a table sheet where its first data row is written.</summary>
    public const int FirstDataRow = HeaderRow + 1;

    /// <summary>The sheet a table is written to: tables go to Table_1, Table_2, ... in order.</summary>
    public static string SheetOf(IReadOnlyList<PackTable> tables, PackTable table) => $"Table_{IndexOf(tables, table) + 1}";

    private static int IndexOf(IReadOnlyList<PackTable> tables, PackTable table) =>
        tables.Select((t, i) => (t, i)).Single(p => ReferenceEquals(p.t, table)).i;
    private const double NoteWidth = 100;
    private const double UsedInWidth = 30;
    private const double TitlePoints = 12;
    private const double CoverWidth = 95;

    public static void Write(string path, PackCover cover, IReadOnlyList<PackTable> tables, IReadOnlyList<PackChart> charts, IReadOnlyList<PackNote> notes)
    {
        ArgumentNullException.ThrowIfNull(cover);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(charts);
        ArgumentNullException.ThrowIfNull(notes);
        using var workbook = new XLWorkbook();
        var coverSheet = workbook.AddWorksheet("Cover");
        var contents = workbook.AddWorksheet("Contents");
        var notesSheet = workbook.AddWorksheet("Notes");
        var tableSheets = tables.Select((t, i) => WriteTable(workbook.AddWorksheet($"Table_{i + 1}"), $"Table {i + 1}: {t.Title}{cover.TableTitleSuffix}", t, $"Table_{i + 1}")).ToList();
        var chartSheets = charts.Select((c, i) => WriteChartSheet(workbook.AddWorksheet($"Chart_{i + 1}"), $"Chart {i + 1}: {c.Title}", c)).ToList();
        WriteCover(coverSheet, cover.Lines);
        WriteContents(contents, workbook, tables, charts);
        WriteNotes(notesSheet, notes, tables);
        foreach (var sheet in workbook.Worksheets)
            Finish(sheet);
        workbook.Properties.Title = cover.DocumentTitle;
        workbook.Properties.Author = cover.Author;
        workbook.Properties.Keywords = cover.Keywords;
        coverSheet.SetTabActive();
        workbook.SaveAs(path);
    }

    // The first line is the title, the second the heading of the key messages.
    private static void WriteCover(IXLWorksheet sheet, IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            sheet.Cell(i + 1, 1).SetValue(lines[i]);
            sheet.Row(i + 1).Height = i == 0 ? TextFit.Height(TextFit.Lines(lines[i], CoverWidth, 16, bold: true), 16) : TextFit.Height(TextFit.Lines(lines[i], CoverWidth));
        }
        sheet.Cell(1, 1).Style.Font.SetBold().Font.SetFontSize(16);
        sheet.Cell(2, 1).Style.Font.SetBold().Font.SetFontSize(13);
        sheet.Row(2).Height = TextFit.Height(1, 13) + 6;
        sheet.Column(1).Width = CoverWidth;
        sheet.Column(1).Style.Alignment.WrapText = true;
        sheet.Column(1).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
    }

    private static void WriteContents(IXLWorksheet sheet, XLWorkbook workbook, IReadOnlyList<PackTable> tables, IReadOnlyList<PackChart> charts)
    {
        sheet.Cell(1, 1).SetValue("Table of contents");
        sheet.Cell(1, 1).Style.Font.SetBold().Font.SetFontSize(14);
        sheet.Cell(2, 1).SetValue("This worksheet contains one table.");
        sheet.Cell(4, 1).SetValue("Sheet name");
        sheet.Cell(4, 2).SetValue("Title");
        var entries = new List<(string Sheet, string Title)> { ("Cover", "Title, source, period, disclosure rule"), ("Notes", "Notes referenced in the tables") };
        entries.AddRange(tables.Select((t, i) => ($"Table_{i + 1}", t.Title)));
        entries.AddRange(charts.Select((c, i) => ($"Chart_{i + 1}", c.Title)));
        for (var i = 0; i < entries.Count; i++)
        {
            var cell = sheet.Cell(5 + i, 1);
            cell.SetValue(entries[i].Sheet);
            cell.Hyperlink = new XLHyperlink(workbook.Worksheet(entries[i].Sheet).Range("A1"), $"Go to {entries[i].Sheet}");
            sheet.Cell(5 + i, 2).SetValue(entries[i].Title);
        }
        MakeTable(sheet, 4, entries.Count, 2, "Contents_table", [24, Math.Max(60, entries.Max(e => TextFit.Width(e.Title)))]);
    }

    private static void WriteNotes(IXLWorksheet sheet, IReadOnlyList<PackNote> notes, IReadOnlyList<PackTable> tables)
    {
        sheet.Cell(1, 1).SetValue("Notes");
        sheet.Cell(1, 1).Style.Font.SetBold().Font.SetFontSize(14);
        sheet.Cell(2, 1).SetValue("This worksheet contains one table.");
        sheet.Cell(4, 1).SetValue("Note number");
        sheet.Cell(4, 2).SetValue("Note text");
        sheet.Cell(4, 3).SetValue("Used in");
        for (var i = 0; i < notes.Count; i++)
        {
            sheet.Cell(5 + i, 1).SetValue(notes[i].Reference);
            sheet.Cell(5 + i, 2).SetValue(notes[i].Text);
            sheet.Row(5 + i).Style.Alignment.WrapText = true;
            sheet.Row(5 + i).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            var users = tables.Where(t => t.Notes.Contains(notes[i])).Select(t => SheetOf(tables, t)).ToList();
            var link = sheet.Cell(5 + i, 3);
            link.SetValue(string.Join(", ", users));
            sheet.Cell(5 + i, 2).Style.Alignment.WrapText = true;
            sheet.Row(5 + i).Height = TextFit.Height(Math.Max(TextFit.Lines(notes[i].Text, NoteWidth), TextFit.Lines(link.GetString(), UsedInWidth)));
            // LibreOffice prints a hyperlink cell as one unwrapped field: link only a single table.
            if (users.Count == 1)
                link.Hyperlink = new XLHyperlink(sheet.Workbook.Worksheet(users[0]).Range("A1"), $"Go to {users[0]}");
            link.Style.Alignment.WrapText = true;
        }
        MakeTable(sheet, 4, notes.Count, 3, "Notes_table", [14, NoteWidth, UsedInWidth]);
    }

    private static IXLWorksheet WriteTable(IXLWorksheet sheet, string title, PackTable table, string tableName)
    {
        sheet.Cell(1, 1).SetValue(title);
        sheet.Cell(1, 1).Style.Font.SetBold().Font.SetFontSize(TitlePoints);
        sheet.Cell(2, 1).SetValue("This worksheet contains one table.");
        sheet.Cell(3, 1).SetValue(table.Notes.Count == 0 ? "There are no notes for this table." : $"Notes for this table: {string.Join(", ", table.Notes.Select(n => n.Reference))}.");
        sheet.Cell(4, 1).SetValue("Shorthand: [c] suppressed for disclosure control; [x] not available; [z] not applicable.");
        sheet.Cell(5, 1).SetValue("Source: ImpactMeasure warehouse (GPAD, practice and local extracts).");
        for (var c = 0; c < table.Columns.Count; c++)
            sheet.Cell(HeaderRow, c + 1).SetValue(table.Columns[c].Header);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            for (var c = 0; c < table.Columns.Count; c++)
                SetCell(sheet.Cell(HeaderRow + 1 + r, c + 1), table.Rows[r][c], table.CellFormat?.Invoke(r, c) ?? table.Columns[c].Format, table.Fills.GetValueOrDefault(c));
        }
        var widths = ColumnWidths(table);
        // The lines above the table print only inside the table's width: widen its columns to hold them.
        var above = Enumerable.Range(1, HeaderRow - 1).Select(r => TextFit.Width(sheet.Cell(r, 1).GetString(), r == 1 ? TitlePoints : 11, bold: r == 1)).Max();
        if (widths.Sum() < above)
            widths = widths.Select(w => w * above / widths.Sum()).ToArray();
        MakeTable(sheet, HeaderRow, Math.Max(table.Rows.Count, 1), table.Columns.Count, tableName, widths);
        if (table.Rows.Count == 0)
            sheet.Cell(HeaderRow + 1, 1).SetValue("[x]");
        sheet.Row(HeaderRow).Height = TextFit.Height(table.Columns.Select((col, c) => TextFit.Lines(col.Header, widths[c], bold: true)).Max());
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var lines = Enumerable.Range(0, table.Columns.Count).Where(c => table.Rows[r][c] is string).Select(c => TextFit.Lines(Display(table.Rows[r][c]), widths[c])).DefaultIfEmpty(1).Max();
            if (lines > 1)
            {
                sheet.Row(HeaderRow + 1 + r).Height = TextFit.Height(lines);
                sheet.Row(HeaderRow + 1 + r).Style.Alignment.WrapText = true;
                sheet.Row(HeaderRow + 1 + r).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
            }
        }
        sheet.PageSetup.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
        return sheet;
    }

    // Text columns are as wide as their longest value up to the table's wrap width (longer values wrap); number
    // columns as their widest value; a header wraps at spaces, so it needs only its longest word and a third of itself.
    private static double[] ColumnWidths(PackTable table) => table.Columns.Select((col, c) =>
    {
        var data = table.Rows.Select(r => TextFit.Width(Display(r[c], col.Format))).DefaultIfEmpty(0).Max();
        if (table.Rows.Any(r => r[c] is string))
            data = Math.Min(data, table.WrapWidth);
        return new[] { data, TextFit.LongestWord(col.Header, bold: true), TextFit.Width(col.Header, bold: true) / 3, 8 }.Max();
    }).ToArray();

    private static IXLWorksheet WriteChartSheet(IXLWorksheet sheet, string title, PackChart chart)
    {
        sheet.Cell(1, 1).SetValue(title);
        sheet.Cell(1, 1).Style.Font.SetBold().Font.SetFontSize(14);
        sheet.Cell(2, 1).SetValue(chart.Subtitle);
        sheet.Cell(3, 1).SetValue($"The chart's data is in {chart.DataSheet}.");
        sheet.Column(1).Width = 100;
        return sheet;
    }

    private static void SetCell(IXLCell cell, object? value, string format, Func<object?, string?>? fill)
    {
        switch (value)
        {
            case null:
                cell.SetValue("[x]");
                cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
                break;
            case SuppressedCell:
                cell.SetValue(SuppressedCell.Symbol);
                cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
                break;
            case long n:
                cell.SetValue(n);
                cell.Style.NumberFormat.Format = format;
                break;
            case int n:
                cell.SetValue(n);
                cell.Style.NumberFormat.Format = format;
                break;
            case double d:
                cell.SetValue(d);
                cell.Style.NumberFormat.Format = format;
                break;
            case DateTime date:
                cell.SetValue(date);
                cell.Style.NumberFormat.Format = format;
                break;
            case "[x]" or "[z]" or "[c]":
                cell.SetValue((string)value);
                cell.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Right;
                break;
            default:
                cell.SetValue(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                break;
        }
        if (fill?.Invoke(value) is { } colour)
        {
            cell.Style.Fill.BackgroundColor = XLColor.FromHtml(colour);
            cell.Style.Font.FontColor = WhiteReadsBetter(colour) ? XLColor.White : XLColor.Black;
        }
    }

    // WCAG's contrast ratio of white and of black text on the fill: Fingertips' amber and light green need black,
    // its dark red and Making Data Count's blue need white.
    private static bool WhiteReadsBetter(string colour)
    {
        static double Linear(int channel) => channel / 255.0 is var c && c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        var rgb = Convert.ToInt32(colour.TrimStart('#'), 16);
        var luminance = (0.2126 * Linear((rgb >> 16) & 0xFF)) + (0.7152 * Linear((rgb >> 8) & 0xFF)) + (0.0722 * Linear(rgb & 0xFF));
        return 1.05 / (luminance + 0.05) > (luminance + 0.05) / 0.05;
    }

    // The text a cell shows: numbers as their Excel format prints them (near enough to size the column).
    private static string Display(object? value, string format = "@") => value switch
    {
        null => "[x]",
        double or long or int => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString(format.Replace("£", "'£'", StringComparison.Ordinal), CultureInfo.InvariantCulture),
        DateTime date => date.ToString("MMM yyyy", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static void MakeTable(IXLWorksheet sheet, int headerRow, int rows, int columns, string name, double[] widths)
    {
        var table = sheet.Range(headerRow, 1, headerRow + rows, columns).CreateTable(name);
        table.Theme = XLTableTheme.None;
        table.ShowAutoFilter = false;
        table.ShowRowStripes = false;
        sheet.Row(headerRow).Style.Font.SetBold();
        sheet.Row(headerRow).Style.Alignment.WrapText = true;
        sheet.Row(headerRow).Style.Alignment.Vertical = XLAlignmentVerticalValues.Bottom;
        for (var c = 0; c < columns; c++)
            sheet.Column(c + 1).Width = widths[Math.Min(c, widths.Length - 1)];
    }

    private static void Finish(IXLWorksheet sheet)
    {
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.FitToPages(1, 0);
        // Excel's "Narrow" side margins: a wide table fitted one page wide prints about a tenth larger than with the
        // default 0.7 inches, keeping every table at 7 pt or more.
        sheet.PageSetup.Margins.Left = 0.25;
        sheet.PageSetup.Margins.Right = 0.25;
        sheet.PageSetup.ShowGridlines = false;
        sheet.PageSetup.Footer.Center.AddText("Page &P of &N");
        sheet.ShowGridLines = false;
        sheet.SheetView.ZoomScale = 100;
        sheet.Cell(1, 1).Select();
    }
}
