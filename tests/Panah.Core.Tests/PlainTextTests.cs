using Panah.Core.Registry;

namespace Panah.Core.Tests;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("Rahmi\u202Eelgnahs")]
    [InlineData("\u202AA")]
    [InlineData("\u202BA")]
    [InlineData("\u202CA")]
    [InlineData("\u202DA")]
    [InlineData("A\u2066B")]
    [InlineData("A\u2067B")]
    [InlineData("A\u2068B")]
    [InlineData("A\u2069B")]
    [InlineData("A\u200EB")]
    [InlineData("A\u200FB")]
    [InlineData("A\u061CB")]
    [InlineData("A\0B")]
    [InlineData("A\tB")]
    [InlineData("A\nB")]
    [InlineData("A\u007FB")]
    [InlineData("A\u0085B")]
    [InlineData("A\u009FB")]
    [InlineData("A\u2028B")]
    [InlineData("A\u200BB")]
    [InlineData("A\uFEFFB")]
    [InlineData("A\U000E0041B")] // a tag character, invisible
    public void Control_and_invisible_format_characters_are_refused(string text) => Assert.False(PlainText.IsAllowed(text));

    [Fact]
    public void Unpaired_surrogates_are_refused()
    {
        // Built here: test data passing through the runner would have them replaced by U+FFFD.
        Assert.False(PlainText.IsAllowed(['A', (char)0xD800, 'B']));
        Assert.False(PlainText.IsAllowed(['A', (char)0xDC00]));
        Assert.False(PlainText.IsAllowed([(char)0xD800]));
    }

    [Theory]
    [InlineData("Abdurehim Tursun")]
    [InlineData("ئابدۇرېھىم")]
    [InlineData("گۈل\u200Cنار")] // zero-width non-joiner: Arabic-script writing needs it
    [InlineData("A\u200DB")]
    [InlineData("Абдурехим")]
    [InlineData("阿不都热依木")]
    [InlineData("Çınar Sk. No:5/2 (Yeşiltepe)")]
    [InlineData("𠀀 Ext-B")]
    [InlineData("")]
    public void Names_in_every_script_are_allowed(string text) => Assert.True(PlainText.IsAllowed(text));

    [Fact]
    public void The_registry_refuses_them_in_a_name_with_the_field_path()
    {
        var person = new PersonDetails { Name = new PersonName(NameScript.UyghurLatin, "Rahmi\u202Eelgnahs", "Tursun", null) };
        var errors = RegistryValidator.Validate(new HouseholdDetails { District = "Fa\0tih" }, [person], new DateOnly(2026, 11, 26));
        Assert.Equal([PlainText.Refused], errors["members[0].name.given"]);
        Assert.Equal([PlainText.Refused], errors["district"]);
    }
}
