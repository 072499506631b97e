using ClosedXML.Excel;
using ImpactMeasure.Testing;

namespace ImpactMeasure.Reports.Tests;

/// <summary>What a reader of the printed pack would object to, found from LibreOffice's PDF of it: words drawn over
/// each other, text cut off at a cell's or page's edge, type too small to read, "###" for a number too wide.</summary>
public static class PackLayout
{
    /// <summary>The smallest readable printed type: 6.5 pt, the size of a dense statistical table's footnotes (a table
    /// shrunk to fit the page wide goes below it).</summary>
    public const double MinimumTypePoints = 7;

    public static IReadOnlyList<string> Problems(string workbookPath)
    {
        var pages = RenderedWorkbook.Render(workbookPath);
        var problems = new List<string>();
        foreach (var page in pages)
        {
            // A chart's rotated axis labels have overlapping upright boxes; its cells' text is checked below.
            var words = IsChartSheet(page) ? [] : page.Words;
            for (var a = 0; a < words.Count; a++)
            {
                for (var b = a + 1; b < words.Count; b++)
                {
                    if (words[a].Overlaps(words[b]))
                        problems.Add($"page {page.Number}: '{words[a].Text}' and '{words[b].Text}' are drawn over each other");
                }
            }
            var smallest = words.Select(w => w.Height / RenderedWorkbook.BoxPointsPerTypePoint).DefaultIfEmpty(99).Min();
            if (smallest < MinimumTypePoints)
                problems.Add($"page {page.Number}: type printed at {smallest:0.0} pt (minimum {MinimumTypePoints} pt): the sheet is too wide for one page");
            if (words.Any(w => w.Text.Contains("###", StringComparison.Ordinal)))
                problems.Add($"page {page.Number}: a number shows as ### (its column is too narrow)");
        }
        using var workbook = new XLWorkbook(workbookPath);
        var sheets = workbook.Worksheets.ToList();
        // Sheets print in order, each from a new page that holds its title (A1).
        var starts = new List<int?>();
        foreach (var sheet in sheets)
        {
            var after = starts.LastOrDefault(s => s is not null) ?? 0;
            starts.Add(pages.FirstOrDefault(p => p.Number > after && Squash(p.Text).Contains(Squash(sheet.Cell(1, 1).GetString()), StringComparison.Ordinal))?.Number);
        }
        for (var i = 0; i < sheets.Count; i++)
        {
            if (starts[i] is not { } first)
            {
                problems.Add($"{sheets[i].Name}: its title '{sheets[i].Cell(1, 1).GetString()}' does not start a printed page (cut off?)");
                continue;
            }
            var last = starts.Skip(i + 1).FirstOrDefault(s => s is not null) - 1 ?? pages.Count;
            var printed = Squash(string.Concat(pages.Where(p => p.Number >= first && p.Number <= last).Select(p => p.Text)));
            foreach (var cell in sheets[i].CellsUsed().Where(c => c.DataType == XLDataType.Text && c.GetString().Length > 0))
            {
                if (!printed.Contains(Squash(cell.GetString()), StringComparison.Ordinal))
                    problems.Add($"{sheets[i].Name}!{cell.Address}: '{Shorten(cell.GetString())}' is not printed whole (cut off at a cell or page edge)");
            }
        }
        return problems;
    }

    private static bool IsChartSheet(RenderedPage page) => page.Text.Contains("\nChart ", StringComparison.Ordinal);

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
