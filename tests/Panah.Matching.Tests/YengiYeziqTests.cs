
namespace Panah.Matching.Tests;

/// <summary>The old Uyghur Latin script (Yengi Yeziⱪ, 1965–1982) reads as the same name in Uyghur Latin.</summary>
public sealed class YengiYeziqTests
{
    [Theory]
    [InlineData("Abdurəⱨim", "Abdurehim")]
    [InlineData("ABDURƏⱧIM", "Abdurehim")]
    [InlineData("Ⱪurban", "Qurban")]
    [InlineData("Əⱨmət", "Ehmet")]
    [InlineData("Məⱨmut", "Mehmut")]
    [InlineData("Nurmuⱨəmmət", "Nurmuhemmet")]
    [InlineData("Ƣopur", "Ghopur")]
    [InlineData("Tɵmür", "Tömür")]
    [InlineData("Xəmsiyə", "Shemsiye")]
    [InlineData("Ⱨəsən Ⱪadir", "Hesen Qadir")]
    [InlineData("Patigül Ⱪasim", "Patigül Qasim")]
    [InlineData("Yusup Ⱨelil", "Yusup Hélil")]
    [InlineData("Ƣulja", "Ghulja")]
    [InlineData("K\u0321urban", "Qurban")]
    [InlineData("Abdurəh\u0321im", "Abdurehim")]
    public void Yengi_yeziq_names_compare_equal_to_their_uyghur_latin_spelling(string yengiYeziq, string uly) =>
        Assert.Equal(NameKey.Comparable(uly), NameKey.Comparable(yengiYeziq));

    [Theory]
    [InlineData("Qurban", "Churban")]
    [InlineData("Xelil", "Shelil")]
    public void A_name_without_its_letters_is_read_as_uyghur_latin(string uly, string asIfYengiYeziq) =>
        Assert.NotEqual(NameKey.Comparable(asIfYengiYeziq), NameKey.Comparable(uly));
}
