using System.Net.Http.Json;
using Microsoft.Playwright;
using Panah.Core.Registry;
using Panah.Data.Staff;
using Panah.Web.Tests.Registry;

namespace Panah.Browser.Tests;

/// <summary>A reviewer runs the duplicate check, compares a pair side by side and merges it; an officer is warned before registering someone twice.</summary>
public sealed class ReviewerMergeTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private async Task RegisterAsync(string script, string given, string family, string document)
    {
        var api = await fixture.App.ClientForRoleAsync(Roles.RegistrationOfficer);
        var person = RegistryRequests.Person(given, family, document: document, script: script, birthDate: "1979-11-20");
        person["spellings"] = new System.Text.Json.Nodes.JsonArray();
        (await api.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Küçükçekmece", person))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Reviewer_merges_two_registrations_of_one_person()
    {
        var document = TurkishIdNumber.Complete("99" + Random.Shared.Next(1_000_000, 9_999_999));
        await RegisterAsync("ug-Latn", "Ilham", "Kerim", document);
        await RegisterAsync("ug-Cyrl", "Илһам", "Керим", document);

        var page = await fixture.SignInAsync(Roles.RegistrationOfficer);
        await page.ClickAsync("#menu-toggle");
        await page.WaitForSelectorAsync("#main-menu.show");
        await page.ClickAsync("a[href='/Matching/Reviews']");
        await page.ClickAsync("#run-check");
        await page.WaitForSelectorAsync("#last-run", new PageWaitForSelectorOptions { Timeout = 60_000 });
        // Other tests of the fixture leave pairs of their own in the queue: compare this test's pair.
        await page.ClickAsync("#reviews tr:has-text('Ilham') a:has-text('Compare')");
        await page.WaitForSelectorAsync("#contributions");
        Assert.Contains("Ilham", await page.InnerTextAsync("#person-A") + await page.InnerTextAsync("#person-B"));
        Assert.Contains("Илһам", await page.InnerTextAsync("#person-A") + await page.InnerTextAsync("#person-B"));
        Assert.Contains("Document number", await page.InnerTextAsync("#contributions"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "review-pair.png"), FullPage = true });
        await page.ClickAsync("#same");
        await page.WaitForSelectorAsync("#flash");
        Assert.Contains("Merged", await page.InnerTextAsync("#flash"));
        await page.ClickAsync("a.nav-link:has-text('Same person')");
        Assert.Equal(1, await page.Locator("#reviews tbody tr").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Officer_is_warned_before_registering_someone_twice()
    {
        var document = TurkishIdNumber.Complete("99" + Random.Shared.Next(1_000_000, 9_999_999));
        await RegisterAsync("ug-Latn", "Mihray", "Ablikim", document);
        var page = await fixture.SignInAsync(Roles.RegistrationOfficer);
        await page.GotoAsync(fixture.BaseUrl + "/Registry/Households/Register");
        await page.FillAsync("#district", "Küçükçekmece");
        await page.SelectOptionAsync("#m0-script", "tr-Latn");
        await page.FillAsync("#m0-given", "Mihray");
        await page.FillAsync("#m0-family", "Ablikim");
        await page.FillAsync("#m0-birth", "1979-11-20");
        await page.SelectOptionAsync("#m0-sex", "female");
        await page.FillAsync("#m0-d0-number", document);
        await page.CheckAsync("#m0-c-registration");
        await page.ClickAsync("#register");
        await page.WaitForSelectorAsync("#likely-matches");
        Assert.Contains("Mihray Ablikim", await page.InnerTextAsync("#likely-matches"));
        Assert.Equal("Mihray", await page.InputValueAsync("#m0-given"));

        await page.CheckAsync("#confirm-new");
        await page.ClickAsync("#register");
        await page.WaitForSelectorAsync("#flash");
        await page.Context.CloseAsync();
    }
}
