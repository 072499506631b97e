using System.Text;
using FluentAssertions;
using ImpactMeasure.Etl.Reading;
using Xunit;

namespace ImpactMeasure.Etl.Tests;

public sealed class ExtractTextDecoderTests
{
    private const string Text = "A81001,CAFÉ £5 — ĀŁ 😀,x\nB,ok\n";

    // Feeds the bytes in two reads split at a position, as a StreamReader would.
    private static (string Text, ExtractTextDecoder Decoder) DecodeSplit(byte[] bytes, int split)
    {
        var decoder = new ExtractTextDecoder();
        var chars = new char[bytes.Length + 16];
        var n = decoder.GetChars(bytes.AsSpan(0, split), chars, flush: false);
        n += decoder.GetChars(bytes.AsSpan(split), chars.AsSpan(n), flush: true);
        return (new string(chars, 0, n), decoder);
    }

    [Fact]
    public void Utf8_is_decoded_whichever_byte_a_read_ends_on()
    {
        var bytes = Encoding.UTF8.GetBytes(Text);
        for (var split = 0; split <= bytes.Length; split++)
        {
            var (text, decoder) = DecodeSplit(bytes, split);
            text.Should().Be(Text, $"split at byte {split}");
            decoder.EncodingName.Should().Be("utf-8");
        }
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_skipped()
    {
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(Text)).ToArray();
        DecodeSplit(bytes, 1).Text.Should().Be(Text);
    }

    [Fact]
    public void Windows_1252_after_ascii_is_decoded_as_windows_1252_from_the_start()
    {
        const string ansi = "GP_CODE,NAME\nA81001,CAFÉ ROYAL £5\n";
        var bytes = CsvRowSource.Windows1252.GetBytes(ansi);
        for (var split = 0; split <= bytes.Length; split++)
        {
            var (text, decoder) = DecodeSplit(bytes, split);
            text.Should().Be(ansi, $"split at byte {split}");
            decoder.EncodingName.Should().Be("windows-1252");
        }
    }

    [Fact]
    public void Invalid_bytes_after_utf8_text_name_their_line()
    {
        var bytes = Encoding.UTF8.GetBytes("a\nCAFÉ\nb\n").Concat(CsvRowSource.Windows1252.GetBytes("HÔTEL\n")).ToArray();

        var decode = () => DecodeSplit(bytes, 3);

        decode.Should().Throw<MixedEncodingException>().Which.Line.Should().Be(4);
    }

    [Fact]
    public void A_truncated_utf8_sequence_at_the_end_of_an_ascii_file_is_read_as_windows_1252()
    {
        var bytes = Encoding.ASCII.GetBytes("a,b\n").Concat(new byte[] { 0xC3 }).ToArray();
        var (text, decoder) = DecodeSplit(bytes, bytes.Length);
        text.Should().Be("a,b\nÃ");
        decoder.EncodingName.Should().Be("windows-1252");
    }
}
