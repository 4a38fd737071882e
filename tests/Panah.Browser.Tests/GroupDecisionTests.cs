using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Panah.Core.Registry;
using Panah.Data.Staff;
using Panah.Web.Tests.Registry;

namespace Panah.Browser.Tests;

/// <summary>A reviewer runs the duplicate check and decides a group of three registrations of one person at once.</summary>
public sealed class GroupDecisionTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Reviewer_decides_a_group_of_three_at_once()
    {
        var api = await fixture.App.ClientForRoleAsync(Roles.RegistrationOfficer);
        var document = TurkishIdNumber.Complete("99" + Random.Shared.Next(1_000_000, 9_999_999));
        var people = new List<Guid>();
        foreach (var (script, given, family) in new[] { ("ug-Latn", "Gulbahar", "Yasin"), ("ug-Cyrl", "Гүлбаһар", "Ясин"), ("tr-Latn", "Gülbahar", "Yasin") })
        {
            var person = RegistryRequests.Person(given, family, document: document, script: script, sex: "female", birthDate: "1991-04-22");
            person["spellings"] = new System.Text.Json.Nodes.JsonArray();
            var response = await api.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Esenler", person));
            response.EnsureSuccessStatusCode();
            people.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("members")[0].GetProperty("id").GetGuid());
        }

        var page = await fixture.SignInAsync(Roles.RegistrationOfficer);
        await page.GotoAsync(fixture.BaseUrl + "/Matching/Reviews", new PageGotoOptions { Timeout = BrowserFixture.SignInTimeout });
        await page.ClickAsync("#run-check");
        await page.WaitForSelectorAsync("#last-run", new PageWaitForSelectorOptions { Timeout = 60_000 });
        Assert.Contains("pairs to review", await page.InnerTextAsync("#queue-size"));
        // Other tests of the fixture leave pairs of their own in the queue: open this test's group.
        await page.ClickAsync("#reviews tr:has-text('Gulbahar') a.group-link");
        await page.WaitForSelectorAsync("#group-people");
        Assert.Equal(3, await page.Locator("#group-people li").CountAsync());
        var shown = await page.InnerTextAsync("#group-people");
        Assert.Contains("Gulbahar", shown);
        Assert.Contains("Гүлбаһар", shown);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "review-group.png"), FullPage = true });
        await page.ClickAsync("#group-same");
        await page.WaitForSelectorAsync("#flash");
        Assert.Contains("Merged", await page.InnerTextAsync("#flash"));
        await page.Context.CloseAsync();

        foreach (var later in people.Skip(1))
        {
            var json = await api.GetFromJsonAsync<JsonElement>($"/api/v1/people/{later}");
            Assert.Equal(people[0], json.GetProperty("mergedIntoId").GetGuid());
        }
    }
}
