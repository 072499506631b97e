using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;

namespace ImpactMeasure.Etl.Tests;

/// <summary>Damaged and hostile extracts, made the way they turn up: a workbook with a part replaced, a zip that is
/// no workbook, a zip bomb, text in the wrong encoding.</summary>
internal static class HostileFiles
{
    /// <summary>A signposting workbook of <paramref name="rows"/> good rows.</summary>
    public static string Workbook(string folder, string name, int rows = 3)
    {
        var path = Path.Combine(folder, name);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("events");
        var header = Fixtures.SignpostingHeader.Split(',');
        for (var c = 0; c < header.Length; c++)
            sheet.Cell(1, c + 1).SetValue(header[c]);
        for (var r = 0; r < rows; r++)
        {
            var values = Fixtures.Signpost($"W{r}").Split(',');
            for (var c = 0; c < values.Length; c++)
                sheet.Cell(r + 2, c + 1).SetValue(values[c]);
        }
        workbook.SaveAs(path);
        return path;
    }

    /// <summary>A workbook whose first sheet's XML is replaced by what <paramref name="rewrite"/> makes of it.</summary>
    public static string WorkbookWithSheet(string folder, string name, Func<string, string> rewrite)
    {
        var path = Workbook(folder, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
        string xml;
        using (var reader = new StreamReader(entry.Open()))
            xml = reader.ReadToEnd();
        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
        writer.Write(rewrite(xml));
        return path;
    }

    /// <summary>A zip holding one text file: a zip, not a workbook.</summary>
    public static string PlainZip(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
        writer.Write("not a workbook");
        return path;
    }

    /// <summary>A workbook whose sheet part expands to <paramref name="megabytes"/> MB of padding from a file of a few hundred KB.</summary>
    public static string ZipBomb(string folder, string name, int megabytes)
    {
        var path = Workbook(folder, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        zip.GetEntry("xl/worksheets/sheet1.xml")!.Delete();
        using var stream = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
        var block = Encoding.ASCII.GetBytes(new string(' ', 1 << 20));
        stream.Write(Encoding.ASCII.GetBytes("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"));
        for (var i = 0; i < megabytes; i++)
            stream.Write(block);
        stream.Write(Encoding.ASCII.GetBytes("</sheetData></worksheet>"));
        return path;
    }
}
