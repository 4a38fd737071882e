using System.Text.Json;
using Microsoft.Playwright;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Browser.Tests;

/// <summary>
/// Passkeys in a real browser: Chromium's virtual authenticator (DevTools protocol, a platform passkey
/// with user verification) is enrolled on the account page through passkeys.js, then used after the
/// password instead of the code.
/// </summary>
public sealed class PasskeyBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly PageWaitForSelectorOptions Wait = new() { Timeout = BrowserFixture.SignInTimeout };

    [Fact]
    public async Task A_passkey_enrolled_in_the_browser_replaces_the_code_at_the_next_sign_in()
    {
        var staff = await fixture.App.CreateStaffAsync(Roles.CaseWorker);
        // WebAuthn wants a secure context and a domain for its relying party: http://localhost is both, an IP address is neither.
        var baseUrl = new UriBuilder(fixture.BaseUrl) { Host = "localhost" }.Uri.ToString().TrimEnd('/');
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB" });
        var page = await context.NewPageAsync();
        // What the browser said, for a failure's message.
        var seen = new List<string>();
        page.Console += (_, m) => seen.Add("console: " + m.Text);
        page.PageError += (_, e) => seen.Add("error: " + e);
        page.Response += (_, r) => seen.Add($"{r.Request.Method} {new Uri(r.Url).PathAndQuery} {r.Status}");
        var devTools = await context.NewCDPSessionAsync(page);
        await devTools.SendAsync("WebAuthn.enable");
        var added = await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        var authenticatorId = added!.Value.GetProperty("authenticatorId").GetString()!;

        await PasswordAsync(page, baseUrl, staff);
        await page.FillAsync("#Input_Code", StaffSession.CurrentCode(fixture.App, staff.AuthenticatorKey));
        await page.ClickAsync("#verify");
        await page.WaitForSelectorAsync("form[action='/Account/Logout']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = BrowserFixture.SignInTimeout });

        await page.GotoAsync(baseUrl + "/Account/Passkeys");
        await page.FillAsync("#Input_Name", "Virtual authenticator");
        await page.ClickAsync("#add-passkey-button");
        await page.WaitForSelectorAsync("#passkey-added, #add-passkey [data-passkey-error]:not([hidden]), #add-passkey .validation-summary-errors", Wait);
        Assert.True(await page.IsVisibleAsync("#passkey-added"), "The passkey was not added: " + await page.InnerTextAsync("main") + "\n" + string.Join("\n", seen));
        Assert.Equal(1, (await CredentialsAsync(devTools, authenticatorId)).GetArrayLength());

        await page.EvaluateAsync("document.querySelector(\"form[action='/Account/Logout']\").submit()");
        await page.WaitForURLAsync("**/Account/Logout", new PageWaitForURLOptions { Timeout = BrowserFixture.SignInTimeout });

        await PasswordAsync(page, baseUrl, staff);
        await page.ClickAsync("#use-passkey");
        await page.WaitForSelectorAsync("form[action='/Account/Logout'], #passkey-sign-in [data-passkey-error]:not([hidden]), .validation-summary-errors", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = BrowserFixture.SignInTimeout });
        Assert.True(await page.Locator("form[action='/Account/Logout']").CountAsync() == 1, "The passkey did not sign in: " + await page.InnerTextAsync("main") + "\n" + string.Join("\n", seen));
        await page.GotoAsync(baseUrl + "/Account/Passkeys");
        Assert.EndsWith("/Account/Passkeys", page.Url);
        Assert.Contains("Virtual authenticator", await page.InnerTextAsync("#passkeys"));
        // The authenticator signed once at enrolment and once at sign-in.
        Assert.True((await CredentialsAsync(devTools, authenticatorId))[0].GetProperty("signCount").GetInt32() >= 1);
        await context.CloseAsync();
    }

    private async Task PasswordAsync(IPage page, string baseUrl, TestStaff staff)
    {
        await page.GotoAsync(baseUrl + "/Account/Login", new PageGotoOptions { Timeout = BrowserFixture.SignInTimeout });
        await page.FillAsync("#Email", staff.Email);
        await page.FillAsync("#Password", staff.Password);
        await page.ClickAsync("#sign-in");
        await page.WaitForSelectorAsync("#Input_Code", Wait);
    }

    private static async Task<JsonElement> CredentialsAsync(ICDPSession devTools, string authenticatorId) =>
        (await devTools.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = authenticatorId }))!.Value.GetProperty("credentials");
}
