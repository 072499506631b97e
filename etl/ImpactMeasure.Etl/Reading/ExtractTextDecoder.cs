using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace ImpactMeasure.Etl.Reading;

/// <summary>Decodes an extract's bytes in one pass, choosing the encoding as it goes: UTF-8 (a leading BOM is
/// skipped) until a byte sequence that is not UTF-8 turns up; if everything before it was ASCII — where UTF-8
/// and Windows-1252 agree — the rest is Windows-1252 (GP system exports often are: £, accented names), with
/// the same text as decoding the whole file so. After UTF-8 text, invalid bytes mean the file mixes encodings:
/// <see cref="MixedEncodingException"/> names the line, rather than a guess that would garble names.</summary>
public sealed class ExtractTextDecoder : Decoder
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];
    private readonly Decoder _windows1252 = CsvRowSource.Windows1252.GetDecoder();
    private readonly byte[] _pending = new byte[8];
    private int _pendingLength;
    private long _bytesSeen;
    private long _lines = 1;
    private bool _sawUtf8;

    /// <summary>"utf-8" or, once the decoder has switched, "windows-1252".</summary>
    public string EncodingName => IsWindows1252 ? "windows-1252" : "utf-8";

    public bool IsWindows1252 { get; private set; }

    public override int GetCharCount(byte[] bytes, int index, int count) =>
        throw new NotSupportedException("the extract decoder streams: read it through a TextReader");

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
        GetChars(bytes.AsSpan(byteIndex, byteCount), chars.AsSpan(charIndex), flush: false);

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex, bool flush) =>
        GetChars(bytes.AsSpan(byteIndex, byteCount), chars.AsSpan(charIndex), flush);

    public override int GetChars(ReadOnlySpan<byte> bytes, Span<char> chars, bool flush)
    {
        if (IsWindows1252)
            return _windows1252.GetChars(bytes, chars, flush);
        byte[]? rented = null;
        try
        {
            var source = bytes;
            if (_pendingLength > 0)
            {
                // A UTF-8 sequence cut by the previous read: join it to this one (rare; reads are 64 KB).
                rented = ArrayPool<byte>.Shared.Rent(_pendingLength + bytes.Length);
                _pending.AsSpan(0, _pendingLength).CopyTo(rented);
                bytes.CopyTo(rented.AsSpan(_pendingLength));
                source = rented.AsSpan(0, _pendingLength + bytes.Length);
                _pendingLength = 0;
            }
            if (_bytesSeen == 0 && source.StartsWith(Bom))
            {
                source = source[Bom.Length..];
                _bytesSeen = Bom.Length;
            }
            return Decode(source, chars, flush);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private int Decode(ReadOnlySpan<byte> source, Span<char> chars, bool flush)
    {
        var status = Utf8.ToUtf16(source, chars, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: flush);
        var decoded = source[..read];
        _bytesSeen += read;
        _sawUtf8 |= !Ascii.IsValid(decoded);
        _lines += chars[..written].Count('\n');
        switch (status)
        {
            case OperationStatus.Done:
                return written;
            case OperationStatus.NeedMoreData:
                source[read..].CopyTo(_pending);
                _pendingLength = source.Length - read;
                return written;
            case OperationStatus.InvalidData when !_sawUtf8:
                IsWindows1252 = true;
                return written + _windows1252.GetChars(source[read..], chars[written..], flush);
            case OperationStatus.InvalidData:
                throw new MixedEncodingException(_lines);
            default:
                throw new InvalidOperationException($"the character buffer is too small ({status})");
        }
    }
}
