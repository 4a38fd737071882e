using Microsoft.Playwright;
using Panah.Core.Registry;
using Panah.Data.Staff;

namespace Panah.Browser.Tests;

/// <summary>What a registration officer does on a phone: sign in with 2FA, register a household, find it, read it in Uyghur.</summary>
public sealed class RegistrationJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task Officer_signs_in_with_password_and_totp()
    {
        var page = await fixture.SignInAsync(Roles.RegistrationOfficer);
        Assert.Equal(fixture.BaseUrl + "/", page.Url);
        Assert.False(await page.IsVisibleAsync("a[href='/Registry/Households/Register']")); // folded on a phone
        await page.ClickAsync("#menu-toggle");
        await page.WaitForSelectorAsync("#main-menu.show");
        await page.WaitForSelectorAsync("a[href='/Registry/Households/Register']");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Officer_registers_a_household_of_three_and_finds_it_by_document_number()
    {
        var page = await fixture.SignInAsync(Roles.RegistrationOfficer);
        await page.ClickAsync("#menu-toggle");
        await page.WaitForSelectorAsync("#main-menu.show");
        await page.ClickAsync("a[href='/Registry/Households/Register']");
        await page.FillAsync("#district", "Zeytinburnu");
        await page.FillAsync("#address", "Çınar Sk. No:12");
        await page.FillAsync("#hphone", "0532 444 55 66");

        var document = TurkishIdNumber.Complete("99" + Random.Shared.Next(1_000_000, 9_999_999));
        await page.FillAsync("#m0-given", "Abdurehim");
        await page.FillAsync("#m0-family", "Tursun");
        await page.SelectOptionAsync("#m0-sex", "male");
        await page.FillAsync("#m0-birth", "1984-03-02");
        await page.ClickAsync("#m0-spelling summary");
        await page.SelectOptionAsync("#m0-sp-script", "ug-Arab");
        await page.FillAsync("#m0-sp-given", "ئابدۇرېھىم");
        await page.FillAsync("#m0-d0-number", document);
        await page.CheckAsync("#m0-c-registration");

        await page.ClickAsync("#add-member");
        await page.FillAsync("#m1-given", "Gulnar");
        await page.FillAsync("#m1-family", "Tursun");
        await page.SelectOptionAsync("#m1-rel", "spouse");
        await page.SelectOptionAsync("#m1-sex", "female");
        await page.FillAsync("#m1-birth", "1987-07-21");
        await page.CheckAsync("#m1-c-registration");

        await page.ClickAsync("#add-member");
        await page.FillAsync("#m2-given", "Aygul");
        await page.FillAsync("#m2-family", "Abdurehim");
        await page.SelectOptionAsync("#m2-rel", "child");
        await page.SelectOptionAsync("#m2-sex", "female");
        await page.FillAsync("#m2-birth", "2016-01-01");
        await page.SelectOptionAsync("#m2-prec", "yearOnly");
        await page.CheckAsync("#m2-c-registration");
        Assert.Equal("Abdurehim", await page.InputValueAsync("#m0-given")); // kept across the add-member round trip

        await page.ClickAsync("#register");
        await WaitOrExplainAsync(page, "#flash");
        Assert.Equal(3, await page.Locator("#members .card").CountAsync());
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "household-phone.png"), FullPage = true });

        await page.GotoAsync(fixture.BaseUrl + "/Registry/Search");
        await page.FillAsync("#q-doc", document);
        await page.ClickAsync("#search");
        await page.WaitForSelectorAsync("#people");
        Assert.Contains("Abdurehim Tursun", await page.InnerTextAsync("#people"));
        Assert.DoesNotContain(document, page.Url);
        await page.Context.CloseAsync();
    }

    /// <summary>Waits for <paramref name="selector"/>; on failure keeps a screenshot and the page's text for the reader of the test log.</summary>
    private static async Task WaitOrExplainAsync(IPage page, string selector)
    {
        try
        {
            await page.WaitForSelectorAsync(selector, new PageWaitForSelectorOptions { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            Directory.CreateDirectory(Screenshots);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "failure.png"), FullPage = true });
            var text = await page.InnerTextAsync("main");
            Assert.Fail($"{selector} did not appear on {page.Url}. The page said: {text[..Math.Min(text.Length, 1500)]}");
        }
    }

    [Fact]
    public async Task Invalid_registration_shows_the_errors_next_to_the_fields()
    {
        var page = await fixture.SignInAsync(Roles.RegistrationOfficer);
        await page.GotoAsync(fixture.BaseUrl + "/Registry/Households/Register");
        await page.FillAsync("#district", "Fatih");
        await page.FillAsync("#m0-given", "Yusup");
        await page.FillAsync("#m0-d0-number", "99123456741");
        await page.ClickAsync("#register");
        await page.WaitForSelectorAsync(".validation-summary-errors");
        Assert.Contains("check digits", await page.InnerTextAsync("#member-0"));
        Assert.Equal("Yusup", await page.InputValueAsync("#m0-given"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Switching_to_Uyghur_turns_the_page_right_to_left()
    {
        var page = await fixture.SignInAsync(Roles.ProgrammeManager);
        await page.GotoAsync(fixture.BaseUrl + "/Registry/People");
        Assert.Equal("ltr", await page.GetAttributeAsync("html", "dir"));
        await page.ClickAsync("#menu-toggle");
        await page.WaitForSelectorAsync("#main-menu.show");
        await page.ClickAsync("#culture-form button[value='ug']");
        await page.WaitForSelectorAsync("html[dir='rtl']");
        Assert.Equal("ug", await page.GetAttributeAsync("html", "lang"));
        var direction = await page.EvaluateAsync<string>("getComputedStyle(document.body).direction");
        Assert.Equal("rtl", direction);
        Assert.Contains("/Registry/People", page.Url);
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "people-uyghur.png") });
        await page.Context.CloseAsync();
    }
}
