namespace Panah.Matching.Tests;

/// <summary>A name in Uyghur Arabic script spelt in Uyghur Latin letters for print, by the matcher's own transliteration.</summary>
public sealed class LatinSpellingTests
{
    [Theory]
    [InlineData("ئابدۇرېھىم تۇرسۇن", "Abdurehim Tursun")]
    [InlineData("مۇھەممەت", "Muhemmet")]
    [InlineData("گۈلنار  ئابلىز", "Gulnar Abliz")]
    [InlineData("Abdurehim tursun", "Abdurehim Tursun")]
    [InlineData("  ", "")]
    [InlineData(null, "")]
    public void A_name_is_spelt_in_Uyghur_Latin_letters_each_word_capitalised(string? name, string expected) =>
        Assert.Equal(expected, NameKey.Latin(name));

    [Fact]
    public void The_Latin_spelling_folds_to_the_same_comparable_form_as_the_Arabic_script()
    {
        const string arabic = "ئابدۇرېھىم تۇرسۇن";
        Assert.Equal(NameKey.Comparable(arabic), NameKey.Comparable(NameKey.Latin(arabic)));
    }
}
