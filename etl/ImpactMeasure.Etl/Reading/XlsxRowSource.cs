using System.Globalization;
using System.Security.Cryptography;
using ClosedXML.Excel;

namespace ImpactMeasure.Etl.Reading;

/// <summary>Reads the first sheet of an XLSX file (header in row 1) through ClosedXML. ClosedXML holds the
/// workbook in memory, so XLSX is for the local formats, which are small; national extracts are CSV.</summary>
public sealed class XlsxRowSource : IRowSource
{
    private readonly XLWorkbook _workbook;
    private readonly IEnumerator<IXLRow> _rows;
    private readonly string _sha;
    private readonly long _size;
    private readonly string _name;
    private string[] _current = [];

    private XlsxRowSource(XLWorkbook workbook, string sha, long size, string name)
    {
        _workbook = workbook;
        _name = name;
        _sha = sha;
        _size = size;
        var sheet = workbook.Worksheets.First();
        var width = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
        Width = width;
        var header = sheet.Row(1);
        Header = Enumerable.Range(1, width).Select(c => Text(header.Cell(c), name)).ToList();
        _rows = sheet.RowsUsed().Where(r => r.RowNumber() > 1).GetEnumerator();
    }

    private int Width { get; }

    public static XlsxRowSource Open(string path)
    {
        XlsxGuard.Check(path);
        var bytes = File.ReadAllBytes(path);
        try
        {
            return new XlsxRowSource(new XLWorkbook(new MemoryStream(bytes)), Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length, Path.GetFileName(path));
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or ExtractRejectedException))
        {
            // ClosedXML and the Open XML SDK throw many kinds of exception for a damaged workbook: each is the file's fault.
            throw new ExtractRejectedException(Path.GetFileName(path), 1, null, $"not a readable XLSX workbook ({ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")})");
        }
    }

    public IReadOnlyList<string> Header { get; }

    public bool MoveNext()
    {
        if (!_rows.MoveNext())
            return false;
        var row = _rows.Current;
        LineNumber = row.RowNumber();
        _current = Enumerable.Range(1, Width).Select(c => Text(row.Cell(c), _name)).ToArray();
        return true;
    }

    public long LineNumber { get; private set; }

    public int LineSpan => 1;

    public int ColumnCount => _current.Length;

    public ReadOnlySpan<char> this[int column] => _current[column];

    public long BytesRead => _size;

    public string Sha256Hex() => _sha;

    public string TextEncoding => "xlsx";

    // Dates become ISO text and numbers invariant text, so the CSV rules apply unchanged. A formula's value is the
    // one Excel saved with it: nothing is evaluated here (a formula saved without its value is refused), and any
    // other failure to read a cell is the file's, said with its place.
    private static string Text(IXLCell cell, string name)
    {
        try
        {
            if (cell.HasFormula)
            {
                return cell.CachedValue switch
                {
                    null or "" => throw new ExtractRejectedException(name, cell.Address.RowNumber, cell.Address.ColumnLetter,
                        "a formula saved without its value: open the workbook in Excel and save it (values are stored then), or export CSV"),
                    DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    double d => d.ToString(CultureInfo.InvariantCulture),
                    var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
                };
            }
            return cell.DataType switch
            {
                XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                XLDataType.Number => cell.GetDouble().ToString(CultureInfo.InvariantCulture),
                XLDataType.Boolean => cell.GetBoolean() ? "TRUE" : "FALSE",
                _ => cell.GetString(),
            };
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or ExtractRejectedException))
        {
            throw new ExtractRejectedException(name, cell.Address.RowNumber, cell.Address.ColumnLetter, $"the cell cannot be read ({ex.Message.ReplaceLineEndings(" ")})");
        }
    }

    public void Dispose()
    {
        _rows.Dispose();
        _workbook.Dispose();
    }
}
