using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Panah.Data.Staff;
using Panah.Web.Infrastructure;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Localization;

/// <summary>Numbers, percentages and lists follow each language's conventions, and every page writes them the same way.</summary>
public sealed partial class FormatsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string Features = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Panah.Web", "Features"));

    private static string In(string culture, Func<string> format)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = PanahWeb.Cultures.Single(c => c.Name == culture);
        try
        {
            return format();
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("en", "98.8%")]
    [InlineData("tr", "%98,8")] // Turkish writes the sign first (TDK, CLDR)
    [InlineData("ug", "98.8%")]
    public void Percentages(string culture, string expected) => Assert.Equal(expected, In(culture, () => Formats.Percent(0.9876)));

    [Fact]
    public void Uyghur_keeps_the_minus_sign_left_of_its_number_and_lists_with_the_Arabic_comma()
    {
        Assert.Equal("\u200E-2.5", In("ug", () => Formats.Signed(-2.5)));
        Assert.Equal("+2.5", In("ug", () => Formats.Signed(2.5)));
        Assert.Equal("\u200E-1,234", In("ug", () => (-1234).ToString("N0", CultureInfo.CurrentCulture)));
        Assert.Equal("ئا، بې", In("ug", () => Formats.List(["ئا", "بې"])));
        Assert.Equal("a, b", In("en", () => Formats.List(["a", "b"])));
        Assert.Equal("-2,5", In("tr", () => Formats.Signed(-2.5)));
    }

    [GeneratedRegex("""\)%|%<|"%"|\bToString\("[PN]\d"\)%""")]
    private static partial Regex HandMadePercent();

    [Fact]
    public void No_page_writes_a_percent_sign_by_hand()
    {
        var offenders = Directory.GetFiles(Features, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => HandMadePercent().IsMatch(File.ReadAllText(f))).Select(Path.GetFileName).ToList();
        Assert.True(offenders.Count == 0, "Use Formats.Percent in: " + string.Join(", ", offenders));
    }

    [Fact]
    public async Task A_Uyghur_page_lists_with_the_Arabic_comma()
    {
        var api = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var created = await api.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", RegistryRequests.Person("Rahile", "Qadir", sex: "female")));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var reader = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.RegistrationOfficer));
        reader.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ug");
        var html = await reader.GetStringAsync($"/Registry/Households/Details/{id}");
        Assert.Matches(@"\(\S[^()<,]*، \d+\)", html); // (precision، age)
    }
}
