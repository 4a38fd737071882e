using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Entities;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Account;

/// <summary>
/// A pending sign-in (password proved) gets three tries at its second factor, counted by the server, so
/// neither a kept copy of its cookie nor malformed codes buy more; every try also counts towards the lockout.
/// </summary>
public abstract class SecondFactorLimitTests(PanahApp app)
{
    [Fact]
    public async Task Three_failed_tries_end_the_pending_sign_in_and_a_copy_of_its_cookie_as_well()
    {
        var staff = await app.CreateStaffAsync(Roles.CaseWorker);
        var client = app.AnonymousClient();
        var loginPage = await client.GetAsync("/Account/Login");
        var antiforgery = CookieFrom(loginPage, "panah.af");
        var token = Html.AntiforgeryToken(await loginPage.Content.ReadAsStringAsync());
        var login = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = staff.Email,
            ["Password"] = staff.Password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.StartsWith("/Account/LoginTotp", login.Headers.Location!.ToString());
        var pendingCookie = CookieFrom(login, "Identity.TwoFactorUserId");

        foreach (var code in new[] { "12345", "abcdef" })
        {
            Assert.Contains("That code did not work", await (await PostCodeAsync(client, code)).Content.ReadAsStringAsync());
        }
        var ended = await PostCodeAsync(client, WrongCode(staff));
        Assert.StartsWith("/Account/Login?", ended.Headers.Location!.ToString());
        Assert.Contains("id=\"sign-in-again\"", await (await client.GetAsync(ended.Headers.Location)).Content.ReadAsStringAsync());

        // The cookie as it was before the three tries, kept by whoever tried: the right code no longer opens a session.
        var copy = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = PanahApp.TestServerAddress });
        copy.DefaultRequestHeaders.Add("Cookie", $"{antiforgery}; {pendingCookie}");
        var replayed = await copy.PostAsync("/Account/LoginTotp", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Code"] = StaffSession.CurrentCode(app, staff.AuthenticatorKey),
            ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Equal("/Account/Login", replayed.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Malformed_codes_count_towards_the_lockout()
    {
        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer);
        var first = await PasskeyRequests.PendingAsync(app, staff);
        for (var i = 0; i < 3; i++)
        {
            await PostCodeAsync(first, "x");
        }
        var second = await PasskeyRequests.PendingAsync(app, staff);
        for (var i = 0; i < 2; i++)
        {
            await PostCodeAsync(second, "1");
        }
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(staff.User.Id))!));
        Assert.Contains("Sign-in failed", await (await StaffSession.PostLoginAsync(app.AnonymousClient(), staff.Email, staff.Password)).Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string code) =>
        Html.PostFormAsync(client, "/Account/LoginTotp", new Dictionary<string, string> { ["Input.Code"] = code });

    /// <summary>Six digits that are none of the codes the app would accept now (it allows one step either side).</summary>
    private string WrongCode(TestStaff staff)
    {
        var accepted = new[] { -1, 0, 1 }.Select(step => StaffSession.CurrentCode(app, staff.AuthenticatorKey, step)).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !accepted.Contains(c));
    }

    private static string CookieFrom(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(name + "=", StringComparison.Ordinal) || c.Split('=')[0].EndsWith("." + name, StringComparison.Ordinal));
}

public sealed class SqliteSecondFactorLimitTests(SqliteApp app) : SecondFactorLimitTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSecondFactorLimitTests(PostgresApp app) : SecondFactorLimitTests(app), IClassFixture<PostgresApp>;
