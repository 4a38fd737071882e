using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Panah.Core.Registry;
using Panah.Data.Staff;
using Panah.Web.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Browser.Tests;

/// <summary>
/// Every page, for every role that may open it, in English and in Uyghur (right to left), fits a 360 × 740 phone:
/// nothing scrolls sideways and no empty error box waits on a form. Screenshots of a few pages are kept for a reader.
/// </summary>
public sealed class LayoutTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const int Width = 360;
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>The registry a page needs: a household with a person to edit, and a pending duplicate pair to compare.</summary>
    private sealed record Seed(Guid Household, Guid Person, string ReviewUrl);

    private async Task<Seed> SeedAsync()
    {
        var api = await fixture.App.ClientForRoleAsync(Roles.RegistrationOfficer);
        var document = TurkishIdNumber.Complete("99" + Random.Shared.Next(1_000_000, 9_999_999));
        JsonElement household = default;
        foreach (var (script, given, family) in new[] { ("ug-Latn", "Abdukérimjan", "Muhemmetniyazov"), ("ug-Cyrl", "Абдукеримжан", "Мухемметниязов") })
        {
            var head = RegistryRequests.Person(given, family, document: document, script: script, phone: "0532 123 45 67", birthDate: "1979-11-20");
            head["vulnerabilities"] = new System.Text.Json.Nodes.JsonArray("disability", "seriousMedicalCondition");
            var child = RegistryRequests.Person("Gulnisa", family, "child", sex: "female", birthDate: "2015-04-01");
            var created = await api.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Küçükçekmece", head, child));
            created.EnsureSuccessStatusCode();
            household = await created.Content.ReadFromJsonAsync<JsonElement>();
        }
        var reviewer = await fixture.SignInAsync(Roles.RegistrationOfficer);
        await reviewer.GotoAsync(fixture.BaseUrl + "/Matching/Reviews");
        await reviewer.ClickAsync("#run-check");
        await reviewer.WaitForSelectorAsync("#last-run", new PageWaitForSelectorOptions { Timeout = 60_000 });
        var review = await reviewer.GetAttributeAsync("#reviews a:has-text('Compare')", "href") ?? throw new InvalidOperationException("No pair to review.");
        await reviewer.Context.CloseAsync();
        return new Seed(household.GetProperty("id").GetGuid(), household.GetProperty("members")[0].GetProperty("id").GetGuid(), review);
    }

    private static (string Url, string Policy)[] Pages(Seed seed) =>
    [
        ("/", Policies.Staff),
        ("/Registry/Households", Policies.RegistryRead),
        ("/Registry/People", Policies.RegistryRead),
        ("/Registry/Search", Policies.RegistryRead),
        ("/Registry/Households/Register", Policies.RegistryWrite),
        ($"/Registry/Households/Details/{seed.Household}", Policies.RegistryRead),
        ($"/Food/Collectors/{seed.Household}", Policies.RegistryWrite),
        ($"/Registry/People/Edit/{seed.Person}", Policies.Rectification),
        ("/Matching/Reviews", Policies.DuplicateReview),
        (seed.ReviewUrl, Policies.DuplicateReview),
        ("/Admin/Users", Policies.StaffAdmin),
        ("/Admin/Tokens", Policies.StaffAdmin),
        ("/Account/Password", Policies.OwnAccount),
        ("/Account/Tokens", Policies.OwnAccount),
        ("/DataProtection", Policies.DataProtection),
        ($"/DataProtection/SubjectAccess?id={seed.Person}&lang=ug", Policies.DataProtection),
        ("/Food/Stock", Policies.FoodStock),
        ("/Education", Policies.Education),
        ("/Education/Courses", Policies.EducationCoordinate),
        ("/Education/Apply", Policies.EducationCoordinate),
        ("/Protection", Policies.Protection),
        ("/Protection/Partners", Policies.ProtectionWork),
        ("/Protection/Caseload", Policies.ProtectionWork),
        ("/Planning", Policies.Planning),
        ("/Dashboards", Policies.Dashboards),
        ("/Dashboards/Registry", Policies.DashboardRegistry),
        ("/Dashboards/Education", Policies.DashboardEducation),
        ("/Dashboards/Protection", Policies.DashboardProtection),
    ];

    /// <summary>Adds to <paramref name="problems"/> what does not fit the page's screen: sideways scrolling of the page or inside a box, an empty error box.</summary>
    internal static async Task CheckAsync(IPage page, string what, List<string> problems)
    {
        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, window.innerWidth]");
        if (widths[0] > widths[1])
        {
            var widest = await page.EvaluateAsync<string>("""
                [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1 || e.getBoundingClientRect().left < -1)
                  .slice(-3).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.')).join(', ')
                """);
            problems.Add($"{what}: {widths[0]} px wide in a {widths[1]} px screen ({widest})");
        }
        // A table inside a scrolling box does not widen the page, yet hides its right-hand columns: count it too.
        var scrollers = await page.EvaluateAsync<string>("""
            [...document.querySelectorAll('body *')].filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1)
              .map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.') + ' ' + e.scrollWidth + '/' + e.clientWidth + ' px').join(', ')
            """);
        if (scrollers.Length > 0)
        {
            problems.Add($"{what}: scrolls sideways inside {scrollers}");
        }
        foreach (var box in await page.QuerySelectorAllAsync(".alert-danger"))
        {
            if (await box.IsVisibleAsync() && string.IsNullOrWhiteSpace(await box.InnerTextAsync()))
            {
                problems.Add($"{what}: an empty error box is shown");
            }
        }
    }

    private async Task<IPage> SignInAsync(string role, string culture)
    {
        var page = await fixture.SignInAsync(role);
        await page.SetViewportSizeAsync(Width, 740);
        if (culture != "en")
        {
            await OpenMenuAsync(page);
            await page.ClickAsync($"#culture-form button[value='{culture}']");
            await page.WaitForSelectorAsync($"html[lang='{culture}']");
        }
        return page;
    }

    /// <summary>Opens the folded phone menu; a page whose menu does not fold has nothing to open (and is then measured as it is).</summary>
    private static async Task OpenMenuAsync(IPage page)
    {
        if (await page.IsVisibleAsync("#menu-toggle"))
        {
            await page.ClickAsync("#menu-toggle");
            await page.WaitForSelectorAsync("#main-menu.show"); // Bootstrap's class once the unfolding has ended
        }
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ug")]
    public async Task Every_page_fits_a_360_px_phone_for_every_role(string culture)
    {
        var seed = await SeedAsync();
        var problems = new List<string>();
        var visited = 0;
        foreach (var role in Roles.All)
        {
            var page = await SignInAsync(role, culture);
            await OpenMenuAsync(page);
            await page.WaitForSelectorAsync("#culture-form", new PageWaitForSelectorOptions { State = WaitForSelectorState.Visible });
            await CheckAsync(page, $"{role} {culture} / with the menu open", problems);
            foreach (var (url, policy) in Pages(seed).Where(p => Policies.RolesFor[p.Policy].Contains(role)))
            {
                await page.GotoAsync(fixture.BaseUrl + url);
                Assert.DoesNotContain("/Account/AccessDenied", page.Url);
                await CheckAsync(page, $"{role} {culture} {url}", problems);
                visited++;
            }
            await page.Context.CloseAsync();
        }
        Assert.True(visited >= 30, $"only {visited} pages visited");
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        var officer = await SignInAsync(Roles.RegistrationOfficer, culture);
        await FormsAsync(officer, culture, problems);
        await officer.Context.CloseAsync();
        await SignedOutPagesAsync(culture, problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>The states a page reaches only by posting: search results, a filtered list, a household of three with errors.</summary>
    private static async Task FormsAsync(IPage page, string culture, List<string> problems)
    {
        var baseUrl = new Uri(page.Url).GetLeftPart(UriPartial.Authority);
        await page.GotoAsync(baseUrl + "/Registry/Search");
        await page.FillAsync("#q-name", "Abdukérimjan");
        await page.ClickAsync("#search");
        await page.WaitForSelectorAsync("#people");
        await CheckAsync(page, $"search results {culture}", problems);

        await page.GotoAsync(baseUrl + "/Registry/People");
        await page.SelectOptionAsync("#vuln", "Disability");
        await page.ClickAsync("#filter");
        await page.WaitForSelectorAsync("#people");
        await CheckAsync(page, $"filtered people {culture}", problems);
        await ShotAsync(page, $"people-{culture}-360");

        await page.GotoAsync(baseUrl + "/Registry/Households/Register");
        await page.ClickAsync("#add-member");
        await page.ClickAsync("#add-member");
        await page.WaitForSelectorAsync("#member-2");
        await CheckAsync(page, $"register, three members {culture}", problems);
        var height = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
        Assert.True(height < 4000, $"a household of three is a {height} px form");
        await page.FillAsync("#m1-given", "Aygul");
        await page.ClickAsync("#register");
        await page.WaitForSelectorAsync("#error-summary");
        await CheckAsync(page, $"register with errors {culture}", problems);
        await ShotAsync(page, $"register-errors-{culture}-360");
    }

    private async Task SignedOutPagesAsync(string culture, List<string> problems)
    {
        var page = await fixture.NewPhonePageAsync();
        await page.SetViewportSizeAsync(Width, 740);
        await page.GotoAsync(fixture.BaseUrl + "/Account/Login");
        if (culture != "en")
        {
            await page.ClickAsync($"#culture-form button[value='{culture}']");
            await page.WaitForSelectorAsync($"html[lang='{culture}']");
        }
        await CheckAsync(page, $"login {culture}", problems);
        foreach (var url in new[] { "/Account/AccessDenied", "/Error", "/Account/Enrol", "/Account/TooManyAttempts?minutes=5" })
        {
            await page.GotoAsync(fixture.BaseUrl + url);
            await CheckAsync(page, $"{url} {culture}", problems);
        }
        foreach (var enrolled in new[] { true, false })
        {
            var staff = await fixture.App.CreateStaffAsync(Roles.CaseWorker, enrolled);
            await page.GotoAsync(fixture.BaseUrl + "/Account/Login");
            await page.FillAsync("#Email", staff.Email);
            await page.FillAsync("#Password", staff.Password);
            await page.ClickAsync("#sign-in");
            // A sign-in hashes the password: on a busy machine it takes longer than Playwright's default wait.
            await page.WaitForURLAsync(enrolled ? "**/Account/LoginTotp**" : "**/Account/EnrollTotp**", new PageWaitForURLOptions { Timeout = BrowserFixture.SignInTimeout });
            await CheckAsync(page, $"{page.Url} {culture}", problems);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_phone_menu_opens_and_the_permit_type_follows_the_document_type()
    {
        var page = await fixture.SignInAsync(Roles.RegistrationOfficer);
        await page.SetViewportSizeAsync(Width, 740);
        Assert.False(await page.IsVisibleAsync("a[href='/Registry/People']"));
        await OpenMenuAsync(page);
        await page.ClickAsync("a[href='/Registry/Households/Register']");
        await page.WaitForURLAsync("**/Registry/Households/Register");
        Assert.False(await page.IsVisibleAsync(".alert-danger"));
        Assert.Equal("", await page.InputValueAsync("#m0-sex"));

        Assert.False(await page.IsVisibleAsync("#m0-d0-permit"));
        await page.SelectOptionAsync("#m0-d0-type", "residencePermit");
        Assert.True(await page.IsVisibleAsync("#m0-d0-permit"));
        await page.SelectOptionAsync("#m0-d0-type", "passport");
        Assert.False(await page.IsVisibleAsync("#m0-d0-permit"));

        await page.FillAsync("#district", "Fatih");
        await page.ClickAsync("#register");
        await page.WaitForSelectorAsync("#error-summary");
        var focused = await page.EvaluateAsync<string>("document.activeElement.id");
        Assert.Equal("m0-given", focused);
        Assert.Equal("true", await page.GetAttributeAsync("#m0-given", "aria-invalid"));
        await ShotAsync(page, "register-focus-en-360");
        await page.Context.CloseAsync();
    }
}
