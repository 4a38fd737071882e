using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Localization;

/// <summary>Every string the UI asks for exists in English, Turkish and Uyghur, and Uyghur pages read right to left.</summary>
public sealed partial class TranslationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
    private static readonly string Web = Path.Combine(Root, "src", "Panah.Web");

    private static Dictionary<string, string> Load(string culture)
    {
        var file = Path.Combine(Web, "Resources", culture == "en" ? "SharedResource.resx" : $"SharedResource.{culture}.resx");
        return XDocument.Load(file).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
    }

    [GeneratedRegex("""\b[lL]\["((?:[^"\\]|\\.)+)"\]""")]
    private static partial Regex LiteralKey();

    [Fact]
    public void Every_literal_key_in_views_and_code_is_translated()
    {
        var sources = Directory.GetFiles(Web, "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Web, "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var keys = sources.SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();
        Assert.True(keys.Count > 50);
        foreach (var culture in new[] { "en", "tr", "ug" })
        {
            var resources = Load(culture);
            var missing = keys.Where(k => !resources.ContainsKey(k)).ToList();
            Assert.True(missing.Count == 0, $"{culture} lacks: {string.Join(" | ", missing)}");
        }
    }

    [Fact]
    public void Every_comparison_level_the_matcher_reports_is_translated()
    {
        var source = File.ReadAllText(Path.Combine(Root, "src", "Panah.Matching", "Scoring", "MatchField.cs"));
        var levels = Regex.Matches(source, "\"([a-z][^\"]*)\"").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Contains("exact (1 January placeholder)", levels);
        foreach (var culture in new[] { "en", "tr", "ug" })
        {
            var resources = Load(culture);
            var missing = levels.Where(l => !resources.ContainsKey("Level." + l)).ToList();
            Assert.True(missing.Count == 0, $"{culture} lacks levels: {string.Join(" | ", missing)}");
        }
    }

    [Fact]
    public void The_three_languages_have_the_same_keys_and_placeholders()
    {
        var en = Load("en");
        foreach (var culture in new[] { "tr", "ug" })
        {
            var other = Load(culture);
            Assert.Equal(en.Keys.Order(), other.Keys.Order());
            foreach (var (key, value) in en)
            {
                var placeholders = Regex.Matches(value, @"\{\d\}").Select(m => m.Value).Order();
                Assert.Equal(placeholders, Regex.Matches(other[key], @"\{\d\}").Select(m => m.Value).Order());
            }
        }
        var ug = Load("ug");
        Assert.True(ug.Values.Count(v => Regex.IsMatch(v, @"\p{IsArabic}")) > ug.Count * 0.8, "Uyghur strings should be in Arabic script");
    }

    [Fact]
    public void One_English_term_has_one_translation_in_each_language()
    {
        var en = Load("en");
        foreach (var culture in new[] { "tr", "ug" })
        {
            var other = Load(culture);
            var split = en.GroupBy(kv => kv.Value).Select(g => (Term: g.Key, Translations: g.Select(kv => other[kv.Key]).Distinct().ToList()))
                .Where(t => t.Translations.Count > 1).Select(t => $"{t.Term}: {string.Join(" / ", t.Translations)}").ToList();
            Assert.True(split.Count == 0, $"{culture} translates one term several ways: {string.Join(" | ", split)}");
        }
    }

    [Fact]
    public async Task Choosing_Uyghur_turns_the_page_right_to_left()
    {
        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer);
        var client = await StaffSession.SignInAsync(app, staff);
        var switched = await Html.PostFormAsync(client, "/Registry/Households", new Dictionary<string, string> { ["culture"] = "ug", ["returnUrl"] = "/Registry/Households" }, "/Culture");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var html = await client.GetStringAsync("/Registry/Households");
        Assert.Contains("<html lang=\"ug\" dir=\"rtl\">", html);
        Assert.Contains("bootstrap.rtl", html);
        Assert.Contains(Load("ug")["Households"], html);

        await Html.PostFormAsync(client, "/Registry/Households", new Dictionary<string, string> { ["culture"] = "tr", ["returnUrl"] = "/" }, "/Culture");
        var turkish = await client.GetStringAsync("/Registry/Households");
        Assert.Contains("<html lang=\"tr\" dir=\"ltr\">", turkish);
        Assert.Contains(Load("tr")["Households"], turkish);
    }

    [Fact]
    public async Task The_culture_switch_only_goes_back_to_local_pages()
    {
        var client = app.AnonymousClient();
        var response = await Html.PostFormAsync(client, "/Account/Login", new Dictionary<string, string> { ["culture"] = "tr", ["returnUrl"] = "https://evil.example/" }, "/Culture");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.ToString());
    }
}
