
namespace Panah.Matching.Tests;

public sealed class NormalisationTests
{
    // The letter table of the domain guide: UEY, ULY, Turkish spelling, USY.
    public static TheoryData<string, string, string, string> LetterTable => new()
    {
        { "ج", "j", "c", "җ" },
        { "چ", "ch", "ç", "ч" },
        { "ش", "sh", "ş", "ш" },
        { "غ", "gh", "ğ", "ғ" },
        { "ڭ", "ng", "ñ", "ң" },
        { "ڭ", "ng", "ng", "ң" },
        { "ې", "é", "e", "е" },
        { "ە", "e", "e", "ә" },
        { "ۋ", "w", "v", "в" },
        { "ژ", "zh", "j", "ж" },
        { "ق", "q", "k", "қ" },
        { "خ", "x", "h", "х" },
    };

    [Theory]
    [MemberData(nameof(LetterTable))]
    public void Every_script_of_a_letter_gives_the_same_comparable_form(string uey, string uly, string turkish, string usy)
    {
        var expected = NameKey.Comparable("a" + uly + "a");
        Assert.Equal(expected, NameKey.Comparable("ئا" + uey + "ا"));
        Assert.Equal(expected, NameKey.Comparable("a" + turkish + "a"));
        Assert.Equal(expected, NameKey.Comparable("а" + usy + "а"));
        Assert.Equal(expected, NameKey.Comparable(("A" + uly + "A").ToUpperInvariant()));
    }

    [Theory]
    [InlineData("Abdurehim Tursun")]
    [InlineData("Abdurrahim Tursun")]
    [InlineData("ABDURRAHİM TURSUN")]
    [InlineData("ئابدۇرېھىم تۇرسۇن")]
    [InlineData("Абдурехим Турсун")]
    [InlineData("Abudureyimu Tuerxun")]
    [InlineData("阿不都热依木·吐尔逊")]
    [InlineData("  abdurehim   tursun ")]
    public void The_Abdurehim_Tursun_example_converges_in_all_its_forms(string name) =>
        Assert.Equal("abdurehim tursun", NameKey.Comparable(name));

    [Theory]
    [InlineData("Muhemmet", "Mehmet")]
    [InlineData("Muhemmet", "Muhammed")]
    [InlineData("Muhemmet", "Maimaiti")]
    [InlineData("Yusup", "Yusuf")]
    [InlineData("Ehmet", "Ehmetjan")]
    [InlineData("Ehmet", "Ahmetcan")]
    [InlineData("Tursun", "Tursunhan")]
    [InlineData("Mes'ud", "Mesud")]
    [InlineData("Ehmet", "Aihemaitijiang")]
    [InlineData("Nurmemet", "Nuermaimaiti")]
    [InlineData("Nurmemet", "努尔买买提")]
    [InlineData("Nurmemet", "Nurmehmet")]
    [InlineData("Nur", "Nurjan")]
    public void Name_variants_are_equivalent(string a, string b) =>
        Assert.Equal(NameKey.Comparable(a), NameKey.Comparable(b));

    // One name in Uyghur Latin, Uyghur Arabic script, Uyghur Cyrillic (ә ө ү җ ң һ й) and Russian-style
    // Cyrillic (ь ъ before е for /y/, ю я for yu ya, е for both e sounds, х for x and h).
    [Theory]
    [InlineData("Meryem", "Мерьем")]
    [InlineData("Meryem", "МЕРЬЕМ")]
    [InlineData("Meryem", "Меръем")]
    [InlineData("Meryem", "مەريەم")]
    [InlineData("Meryem", "Мәрйәм")]
    [InlineData("Meryem", "Марьям")]
    [InlineData("Gülnar", "Гүлнар")]
    [InlineData("Gülnar", "Гульнар")]
    [InlineData("Gülnar", "گۈلنار")]
    [InlineData("Muhemmet", "Муһәммәт")]
    [InlineData("Muhemmet", "Мухаммед")]
    [InlineData("Muhemmet", "مۇھەممەت")]
    [InlineData("Yusup", "Юсуп")]
    [InlineData("Yusup", "Юсуф")]
    [InlineData("Yusup", "يۇسۇپ")]
    [InlineData("Tursun", "Турсун")]
    [InlineData("Ehmet", "Әхмәт")]
    [InlineData("Ehmetjan", "Әхмәтҗан")]
    [InlineData("Shöhret", "Шөһрәт")]
    [InlineData("Qeshqer", "Қәшқәр")]
    [InlineData("Ghulja", "Ғулҗа")]
    public void Cyrillic_spellings_reach_the_Latin_comparable_form(string latin, string cyrillicOrArabic) =>
        Assert.Equal(NameKey.Comparable(latin), NameKey.Comparable(cyrillicOrArabic));

    [Theory]
    [InlineData("Мерьем", "meryem")]
    [InlineData("Гульнар", "gulnar")]
    [InlineData("Ильхам", "ilham")]
    public void A_soft_sign_is_y_before_e_and_silent_elsewhere(string cyrillic, string expected) =>
        Assert.Equal(expected, NameKey.Comparable(cyrillic));

    [Theory]
    [InlineData("Ayhan", "ayhan")]
    [InlineData("Erhan", "erhan")]
    public void Short_roots_keep_their_suffix(string name, string expected) =>
        Assert.Equal(expected, NameKey.Comparable(name));

    [Theory]
    [InlineData("İbrahim", "ibrahim")]
    [InlineData("IŞIK", "ishik")]
    [InlineData("ışık", "ishik")]
    [InlineData("Gülnar", "gulnar")]
    [InlineData("Zöhre", "zohre")]
    [InlineData("Ｅｈｍｅｔ", "ehmet")]
    [InlineData("S\u0327ükrü", "shukru")]
    [InlineData("ﺋﺎﺑﺪﯗﺭﯦﮬﯩﻢ", "abdurehim")]
    public void Unicode_is_normalised(string input, string expected) =>
        Assert.Equal(expected, NameKey.Comparable(input));

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("  -- ", "")]
    [InlineData("O'Brien-Smith", "obrien smith")]
    public void Blank_and_punctuation(string? input, string expected) =>
        Assert.Equal(expected, NameKey.Comparable(input));

    [Theory]
    [InlineData("Abdurehim", NameScript.Latin)]
    [InlineData("ئابدۇرېھىم", NameScript.Arabic)]
    [InlineData("Абдурехим", NameScript.Cyrillic)]
    [InlineData("阿不都热依木", NameScript.Han)]
    [InlineData("Abdurehim Турсун", NameScript.Mixed)]
    [InlineData("123", NameScript.Unknown)]
    public void Scripts_are_detected(string text, NameScript expected) =>
        Assert.Equal(expected, NameKey.DetectScript(text));

    [Fact]
    public void Phonetic_keys_ignore_vowels_and_voicing()
    {
        Assert.Equal(NameKey.Phonetic("abdurehim"), NameKey.Phonetic("abdurahim"));
        Assert.Equal(NameKey.Phonetic("ehmet"), NameKey.Phonetic("ahmed"));
        Assert.NotEqual(NameKey.Phonetic("tursun"), NameKey.Phonetic("abdurehim"));
    }

    [Fact]
    public void A_whole_name_in_the_given_name_field_is_split()
    {
        var r = new PreparedRecord(new PersonRecord("1") { GivenName = "阿不都热依木·吐尔逊" });
        Assert.Equal("abdurehim", r.Given.Text);
        Assert.Equal("tursun", r.Family.Text);
    }
}
