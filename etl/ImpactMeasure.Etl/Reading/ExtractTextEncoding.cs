using System.Text;

namespace ImpactMeasure.Etl.Reading;

/// <summary>The encoding a <see cref="StreamReader"/> is given for an extract: its decoder is an
/// <see cref="ExtractTextDecoder"/>, kept here so the reader can say afterwards which encoding the file was in.
/// Decoding only: extracts are never written through it.</summary>
public sealed class ExtractTextEncoding : Encoding
{
    public ExtractTextDecoder Decoder { get; } = new();

    public override Decoder GetDecoder() => Decoder;

    public override int GetMaxCharCount(int byteCount) => byteCount + 8;

    public override int GetMaxByteCount(int charCount) => throw Unsupported();

    public override int GetByteCount(char[] chars, int index, int count) => throw Unsupported();

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) => throw Unsupported();

    public override int GetCharCount(byte[] bytes, int index, int count) => throw Unsupported();

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
        Decoder.GetChars(bytes, byteIndex, byteCount, chars, charIndex, flush: true);

    private static NotSupportedException Unsupported() => new("the extract encoding only decodes, through a StreamReader");
}
