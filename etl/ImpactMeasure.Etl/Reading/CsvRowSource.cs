using System.Text;
using nietras.SeparatedValues;

namespace ImpactMeasure.Etl.Reading;

/// <summary>Streams a CSV file with Sep (RFC 4180 quoting), decoding UTF-8 (with or without BOM) strictly, or
/// Windows-1252 when asked; hashes the bytes as they are read.</summary>
public sealed class CsvRowSource : IRowSource
{
    private readonly HashingStream _stream;
    private readonly StreamReader _text;
    private readonly SepReader _reader;

    private CsvRowSource(HashingStream stream, StreamReader text, SepReader reader)
    {
        _stream = stream;
        _text = text;
        _reader = reader;
        Header = reader.Header.ColNames.ToList();
    }

    /// <summary>Strict UTF-8: invalid bytes throw, and the caller retries as Windows-1252.</summary>
    public static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding Windows1252
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }

    public static CsvRowSource Open(string path, Encoding encoding)
    {
        var stream = new HashingStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16));
        var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        try
        {
            var reader = Sep.New(',').Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true, DisableQuotesParsing = false })
                .From(text);
            return new CsvRowSource(stream, text, reader);
        }
        catch (ArgumentException ex) when (ex is not DecoderFallbackException)
        {
            text.Dispose();
            throw new ExtractRejectedException(Path.GetFileName(path), 1, null, $"the header cannot be read: {ex.Message}");
        }
    }

    public IReadOnlyList<string> Header { get; }

    public bool MoveNext()
    {
        return _reader.MoveNext();
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
