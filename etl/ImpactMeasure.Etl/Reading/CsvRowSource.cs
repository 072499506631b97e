using System.Text;
using nietras.SeparatedValues;

namespace ImpactMeasure.Etl.Reading;

/// <summary>Streams a CSV file with Sep (RFC 4180 quoting), decoding it in one pass with an
/// <see cref="ExtractTextDecoder"/> (UTF-8, or Windows-1252 found on the way; UTF-16 by its byte order mark);
/// hashes the bytes as they are read.</summary>
public sealed class CsvRowSource : IRowSource
{
    private readonly HashingStream _stream;
    private readonly StreamReader _text;
    private readonly SepReader _reader;

    private readonly ExtractTextDecoder? _decoder;
    private readonly string _name;

    private CsvRowSource(HashingStream stream, StreamReader text, SepReader reader, ExtractTextDecoder? decoder, string name)
    {
        _stream = stream;
        _text = text;
        _reader = reader;
        _decoder = decoder;
        _name = name;
        Header = reader.Header.ColNames.ToList();
    }

    public static Encoding Windows1252
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }

    public static CsvRowSource Open(string path)
    {
        var name = Path.GetFileName(path);
        var stream = new HashingStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16));
        var utf16 = StartsWithUtf16Mark(path);
        var encoding = utf16 ? Encoding.Unicode : new ExtractTextEncoding();
        var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: utf16, bufferSize: 1 << 16);
        try
        {
            var reader = Sep.New(',').Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true, DisableQuotesParsing = false })
                .From(text);
            return new CsvRowSource(stream, text, reader, (encoding as ExtractTextEncoding)?.Decoder, name);
        }
        catch (ArgumentException ex)
        {
            text.Dispose();
            throw new ExtractRejectedException(name, 1, null, $"the header cannot be read: {ex.Message}");
        }
        catch (MixedEncodingException ex)
        {
            text.Dispose();
            throw Mixed(name, ex);
        }
    }

    private static bool StartsWithUtf16Mark(string path)
    {
        Span<byte> start = stackalloc byte[2];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(start, 2, throwOnEndOfStream: false) == 2 && (start is [0xFF, 0xFE] or [0xFE, 0xFF]);
    }

    private static ExtractRejectedException Mixed(string name, MixedEncodingException ex) =>
        new(name, ex.Line, null, "has bytes that are not UTF-8 after UTF-8 text earlier in the file: the file mixes encodings; save it as UTF-8 and load it again");

    /// <summary>"utf-8", "windows-1252" (found while reading) or "utf-16".</summary>
    public string TextEncoding => _decoder?.EncodingName ?? "utf-16";

    public IReadOnlyList<string> Header { get; }

    public bool MoveNext()
    {
        try
        {
            return _reader.MoveNext();
        }
        catch (MixedEncodingException ex)
        {
            throw Mixed(_name, ex);
        }
    }

    public long LineNumber => _reader.Current.LineNumberFrom;

    public int LineSpan => _reader.Current.LineNumberToExcl - _reader.Current.LineNumberFrom;

    public int ColumnCount => _reader.Current.ColCount;

    public ReadOnlySpan<char> this[int column] => _reader.Current[column].Span;

    public long BytesRead => _stream.BytesRead;

    public string Sha256Hex() => _stream.Sha256Hex();

    public void Dispose()
    {
        _reader.Dispose();
        _text.Dispose();
    }
}
