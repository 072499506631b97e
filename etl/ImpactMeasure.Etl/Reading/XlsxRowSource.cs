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
    private string[] _current = [];

    private XlsxRowSource(XLWorkbook workbook, string sha, long size)
    {
        _workbook = workbook;
        _sha = sha;
        _size = size;
        var sheet = workbook.Worksheets.First();
        var width = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
        Width = width;
        var header = sheet.Row(1);
        Header = Enumerable.Range(1, width).Select(c => Text(header.Cell(c))).ToList();
        _rows = sheet.RowsUsed().Where(r => r.RowNumber() > 1).GetEnumerator();
    }

    private int Width { get; }

    public static XlsxRowSource Open(string path)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            return new XlsxRowSource(new XLWorkbook(new MemoryStream(bytes)), Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length);
        }
        catch (Exception ex) when (ex is InvalidDataException or FileFormatException or ArgumentException or InvalidOperationException)
        {
            throw new ExtractRejectedException(Path.GetFileName(path), 1, null, $"not a readable XLSX workbook ({ex.Message})");
        }
    }

    public IReadOnlyList<string> Header { get; }

    public bool MoveNext()
    {
        if (!_rows.MoveNext())
            return false;
        var row = _rows.Current;
        LineNumber = row.RowNumber();
        _current = Enumerable.Range(1, Width).Select(c => Text(row.Cell(c))).ToArray();
        return true;
    }

    public long LineNumber { get; private set; }

    public int LineSpan => 1;

    public int ColumnCount => _current.Length;

    public ReadOnlySpan<char> this[int column] => _current[column];

    public long BytesRead => _size;

    public string Sha256Hex() => _sha;

    // Dates become ISO text and numbers invariant text, so the CSV rules apply unchanged.
    private static string Text(IXLCell cell) => cell.DataType switch
    {
        XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        XLDataType.Number => cell.GetDouble().ToString(CultureInfo.InvariantCulture),
        XLDataType.Boolean => cell.GetBoolean() ? "TRUE" : "FALSE",
        _ => cell.GetString(),
    };

    public void Dispose()
    {
        _rows.Dispose();
        _workbook.Dispose();
    }
}
