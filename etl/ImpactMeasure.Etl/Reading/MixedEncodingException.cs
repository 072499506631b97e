namespace ImpactMeasure.Etl.Reading;

/// <summary>Bytes that are not UTF-8 after text that was: the file mixes encodings (raised by
/// <see cref="ExtractTextDecoder"/>, turned into the file's rejection by the row source).</summary>
public sealed class MixedEncodingException : Exception
{
    public MixedEncodingException(long line)
        : base($"line {line} has bytes that are not UTF-8, after UTF-8 text earlier in the file")
    {
        Line = line;
    }

    public MixedEncodingException()
    {
    }

    public MixedEncodingException(string message)
        : base(message)
    {
    }

    public MixedEncodingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public long Line { get; }
}
