using Panah.Core.Registry;

namespace Panah.Core.Tests.Registry;

public sealed class TurkishIdNumberTests
{
    [Theory]
    [InlineData("10000000146")] // the well-known valid test number
    [InlineData("99123456740")]
    public void Valid_numbers_pass(string number) => Assert.True(TurkishIdNumber.IsValid(number));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1000000014")] // 10 digits
    [InlineData("100000001467")] // 12 digits
    [InlineData("00000000146")] // leading zero
    [InlineData("10000000147")] // wrong last digit
    [InlineData("10000000156")] // wrong tenth digit
    [InlineData("1000000014a")]
    [InlineData("١٠٠٠٠٠٠٠١٤٦")] // Arabic-Indic digits are not accepted as such
    public void Invalid_numbers_fail(string? number) => Assert.False(TurkishIdNumber.IsValid(number));

    [Fact]
    public void Complete_adds_check_digits_that_validate()
    {
        var random = new Random(1);
        for (var i = 0; i < 1000; i++)
        {
            var prefix = random.Next(1, 10).ToString(System.Globalization.CultureInfo.InvariantCulture) + random.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(TurkishIdNumber.IsValid(TurkishIdNumber.Complete(prefix)));
        }
    }

    [Fact]
    public void Foreigner_numbers_start_with_99()
    {
        var foreigner = TurkishIdNumber.Complete("991234567");
        Assert.True(TurkishIdNumber.IsForeignerNumber(foreigner));
        Assert.False(TurkishIdNumber.IsForeignerNumber("10000000146"));
    }

    [Fact]
    public void Complete_rejects_bad_prefixes() => Assert.Throws<ArgumentException>(() => TurkishIdNumber.Complete("012345678"));
}
