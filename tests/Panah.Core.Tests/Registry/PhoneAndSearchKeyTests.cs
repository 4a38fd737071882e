using Panah.Core.Registry;

namespace Panah.Core.Tests.Registry;

public sealed class PhoneAndSearchKeyTests
{
    [Theory]
    [InlineData("+90 532 123 45 67")]
    [InlineData("0532 123 4567")]
    [InlineData("05321234567")]
    [InlineData("5321234567")]
    [InlineData("0090 (532) 123-45-67")]
    public void Turkish_numbers_in_any_format_agree(string phone) => Assert.Equal("5321234567", PhoneNumber.Normalize(phone));

    [Fact]
    public void Foreign_numbers_keep_their_country_code() => Assert.Equal("77011234567", PhoneNumber.Normalize("0077011234567"));

    [Theory]
    [InlineData("call me", false)]
    [InlineData("123", false)]
    [InlineData("+90 532 123 45 67", true)]
    public void Plausible_phones(string phone, bool expected) => Assert.Equal(expected, PhoneNumber.IsPlausible(phone));

    [Theory]
    [InlineData("İLHAM", "ilham")]
    [InlineData("Ilham", "ilham")]
    [InlineData("ılham", "ilham")]
    [InlineData("Gülnar", "gulnar")]
    [InlineData("Şehrizat", "sehrizat")]
    [InlineData("Ａｂｄｕｌｌａ", "abdulla")] // full-width, folded by NFKC
    public void Name_folding_ignores_case_dots_and_diacritics(string input, string expected) => Assert.Equal(expected, SearchKeys.FoldName(input));

    [Fact]
    public void Arabic_script_letters_are_kept() => Assert.Equal("ئابدۇرېھىم", SearchKeys.FoldName("ئابدۇرېھىم"));

    [Fact]
    public void Name_tokens_split_on_spaces_and_punctuation() =>
        Assert.Equal(["abdurehim", "tursun"], SearchKeys.NameTokens("Abdurehim-TURSUN ").ToArray());

    [Fact]
    public void Document_keys_ignore_spacing_and_case() => Assert.Equal("E12345678", SearchKeys.Document(" e 1234-5678"));
}
