using ImpactMeasure.Etl.Privacy;

namespace ImpactMeasure.Etl.Tests;

public sealed class NhsNumberTests
{
    [Theory]
    [InlineData("9434765919")]
    [InlineData("Pharmacy 9434765919")]
    [InlineData("400  031  6761")]
    [InlineData("400.039.5955")]
    [InlineData("400/047/5142")]
    [InlineData("NHS 4000554336")]
    [InlineData("4000712713.0")]
    [InlineData("400 - 079 - 1907")]
    [InlineData("x 4002613275")]
    [InlineData("(943-476-5919)")]
    public void Finds_a_valid_number_in_any_layout(string text)
    {
        NhsNumber.Contains(text).Should().BeTrue();
        NhsNumber.MaskWithin(text).Count(char.IsAsciiDigit).Should().BeLessThanOrEqualTo(text.Count(char.IsAsciiDigit) - 8, "only the last two digits of the number stay");
    }

    [Theory]
    [InlineData("9434765918")] // wrong check digit
    [InlineData("94347659190")] // eleven digits
    [InlineData("020 7946 0958")] // a phone number
    [InlineData("2025-10-01 10:00")] // a date and time
    [InlineData("ab4000554336cd")] // digits inside a hexadecimal pseudonym
    [InlineData("CN-X90054-202310-0006")]
    [InlineData("MSK First Contact Physiotherapy")]
    public void Leaves_other_digits_alone(string text)
    {
        NhsNumber.Contains(text).Should().BeFalse();
        NhsNumber.MaskWithin(text).Should().Be(text);
    }

    [Fact]
    public void Normalise_takes_a_whole_value_only()
    {
        NhsNumber.Normalise(" 943 476 5919 ").Should().Be("9434765919");
        NhsNumber.Normalise("943-476-5919").Should().Be("9434765919");
        NhsNumber.Normalise("NHS 9434765919").Should().BeNull();
        NhsNumber.Normalise("9434765918").Should().BeNull();
    }

    [Fact]
    public void Masks_every_number_in_a_text()
    {
        NhsNumber.MaskWithin("role 'x 4002613275' and 400 031 6761").Should().Be("role 'x ********75' and **********61");
    }
}
