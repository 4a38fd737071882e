using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Entities;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using static Panah.Web.Tests.Account.PasskeyRequests;

namespace Panah.Web.Tests.Account;

/// <summary>
/// Passkeys as the second factor: enrolled on the account page, used after the password instead of the
/// code, only the account's own, refused when anything in the answer is wrong, removable.
/// </summary>
public abstract class PasskeyTests(PanahApp app)
{
    private const string PasskeyFailed = "That passkey did not work";

    [Fact]
    public async Task A_passkey_from_the_account_page_completes_the_sign_in_after_the_password()
    {
        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer);
        using var authenticator = new SoftwareAuthenticator(Origin);
        var session = await StaffSession.SignInAsync(app, staff);
        var enrolled = await EnrolAsync(session, authenticator, "Blue security key");
        var page = await enrolled.Content.ReadAsStringAsync();
        Assert.Contains("id=\"passkey-added\"", page);
        Assert.Contains("Blue security key", page);

        var pending = await PendingAsync(app, staff);
        Assert.Contains("id=\"use-passkey\"", await (await pending.GetAsync("/Account/LoginTotp")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await pending.GetAsync("/Account/Passkeys")).StatusCode);
        var signedIn = await SecondStepAsync(pending, authenticator);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.ToString());

        // What a TOTP session may do, this one may: pages for interactive, second-factor sessions only, and the role's work.
        Assert.Equal(HttpStatusCode.OK, (await pending.GetAsync("/Account/Passkeys")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pending.GetAsync("/Registry/Households")).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByIdAsync(staff.User.Id))!;
        var stored = Assert.Single(await users.GetPasskeysAsync(user));
        Assert.Equal(authenticator.CredentialId, stored.CredentialId);
        Assert.Equal(2u, stored.SignCount);
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "staff.passkey-add" && e.EntityId == staff.User.Id));
    }

    [Fact]
    public async Task Adding_or_removing_a_passkey_ends_the_other_sessions_of_the_account()
    {
        var staff = await app.CreateStaffAsync(Roles.CaseWorker);
        using var authenticator = new SoftwareAuthenticator(Origin);
        var session = await StaffSession.SignInAsync(app, staff);
        var other = await StaffSession.SignInAsync(app, staff, stepsAhead: 1);
        Assert.Contains("id=\"passkey-added\"", await (await EnrolAsync(session, authenticator)).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/Account/Password")).StatusCode);

        var third = await PendingAsync(app, staff);
        Assert.Equal("/", (await SecondStepAsync(third, authenticator)).Headers.Location?.ToString());
        var id = SoftwareAuthenticator.Base64Url(authenticator.CredentialId);
        var removed = await PostAsync(session, "/Account/Passkeys", "Remove", new() { ["id"] = id });
        var page = await removed.Content.ReadAsStringAsync();
        Assert.Contains("id=\"passkey-removed\"", page);
        Assert.Contains("id=\"no-passkeys\"", page);
        Assert.Equal(HttpStatusCode.Redirect, (await third.GetAsync("/Account/Password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Account/Password")).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "staff.passkey-remove" && e.EntityId == staff.User.Id));
        Assert.DoesNotContain("id=\"use-passkey\"", await (await (await PendingAsync(app, staff)).GetAsync("/Account/LoginTotp")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_removed_passkey_no_longer_signs_in_and_nobody_removes_another_accounts_passkey()
    {
        var owner = await app.CreateStaffAsync(Roles.RegistrationOfficer);
        var stranger = await app.CreateStaffAsync(Roles.RegistrationOfficer);
        using var authenticator = new SoftwareAuthenticator(Origin);
        var ownerSession = await StaffSession.SignInAsync(app, owner);
        await EnrolAsync(ownerSession, authenticator);
        var id = SoftwareAuthenticator.Base64Url(authenticator.CredentialId);

        var strangerSession = await StaffSession.SignInAsync(app, stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(strangerSession, "/Account/Passkeys", "Remove", new() { ["id"] = id })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(ownerSession, "/Account/Passkeys", "Remove", new() { ["id"] = "AAAA" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(ownerSession, "/Account/Passkeys", "Remove", new() { ["id"] = "not base64!" })).StatusCode);
        Assert.Contains("passkey-name", await (await ownerSession.GetAsync("/Account/Passkeys")).Content.ReadAsStringAsync());

        // The pending sign-in asks for options while the passkey exists, and it is removed before the answer.
        var pending = await PendingAsync(app, owner);
        var options = await OptionsAsync(pending, "/Account/LoginTotp", "PasskeyOptions");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(ownerSession, "/Account/Passkeys", "Remove", new() { ["id"] = id })).StatusCode);
        var refused = await PostAsync(pending, "/Account/LoginTotp", "Passkey", new() { ["CredentialJson"] = authenticator.Get(options) });
        Assert.Contains(PasskeyFailed, await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await pending.GetAsync("/Account/Password")).StatusCode);
    }

    [Fact]
    public async Task Another_accounts_passkey_is_refused_and_counts_as_a_failed_attempt()
    {
        var victim = await app.CreateStaffAsync(Roles.Administrator);
        var insider = await app.CreateStaffAsync(Roles.RegistrationOfficer);
        using var victimKey = new SoftwareAuthenticator(Origin);
        using var insiderKey = new SoftwareAuthenticator(Origin);
        await EnrolAsync(await StaffSession.SignInAsync(app, victim), victimKey);
        await EnrolAsync(await StaffSession.SignInAsync(app, insider), insiderKey);

        // Someone who knows the victim's password, answering with their own passkey.
        var pending = await PendingAsync(app, victim);
        var refused = await SecondStepAsync(pending, insiderKey);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(PasskeyFailed, await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await pending.GetAsync("/Admin/Users")).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            Assert.Equal(1, await users.GetAccessFailedCountAsync((await users.FindByIdAsync(victim.User.Id))!));
        }

        // The pending sign-in is still the victim's own: their code completes it.
        var code = await Html.PostFormAsync(pending, "/Account/LoginTotp", new Dictionary<string, string> { ["Input.Code"] = StaffSession.CurrentCode(app, victim.AuthenticatorKey, 1) });
        Assert.Equal("/", code.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Malformed_replayed_or_foreign_origin_answers_are_refused()
    {
        var staff = await app.CreateStaffAsync(Roles.CaseWorker);
        using var authenticator = new SoftwareAuthenticator(Origin);
        await EnrolAsync(await StaffSession.SignInAsync(app, staff), authenticator);

        async Task RefusedAsync(Func<HttpClient, Task<HttpResponseMessage>> answer)
        {
            var pending = await PendingAsync(app, staff);
            var response = await answer(pending);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(PasskeyFailed, await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.Redirect, (await pending.GetAsync("/Account/Password")).StatusCode);
        }

        await RefusedAsync(async c =>
        {
            await OptionsAsync(c, "/Account/LoginTotp", "PasskeyOptions");
            return await PostAsync(c, "/Account/LoginTotp", "Passkey", new() { ["CredentialJson"] = "{\"id\":" });
        });
        await RefusedAsync(async c =>
        {
            await OptionsAsync(c, "/Account/LoginTotp", "PasskeyOptions");
            return await PostAsync(c, "/Account/LoginTotp", "Passkey", new() { ["CredentialJson"] = new string('x', 70_000) });
        });
        // A good answer after the ceremony was used up (one answer per challenge).
        await RefusedAsync(async c =>
        {
            var answer = authenticator.Get(await OptionsAsync(c, "/Account/LoginTotp", "PasskeyOptions"));
            await PostAsync(c, "/Account/LoginTotp", "Passkey", new() { ["CredentialJson"] = "{}" });
            return await PostAsync(c, "/Account/LoginTotp", "Passkey", new() { ["CredentialJson"] = answer });
        });
        // A phishing page's origin, relayed.
        await RefusedAsync(async c =>
        {
            authenticator.Origin = "https://panah-login.example";
            try
            {
                return await SecondStepAsync(c, authenticator);
            }
            finally
            {
                authenticator.Origin = Origin;
            }
        });

        // Without a password first there is nothing to complete.
        var anonymous = app.AnonymousClient();
        var token = Html.AntiforgeryToken(await (await anonymous.GetAsync("/Account/Login")).Content.ReadAsStringAsync());
        using var options = new HttpRequestMessage(HttpMethod.Post, "/Account/LoginTotp?handler=PasskeyOptions");
        options.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.SendAsync(options)).StatusCode);
        var noPassword = await anonymous.PostAsync("/Account/LoginTotp?handler=Passkey", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["CredentialJson"] = "{}" }));
        Assert.Equal("/Account/Login", noPassword.Headers.Location?.ToString());

        // Each refused answer counted as a failed attempt (two in the replay): five lock the account out, as five wrong codes do.
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(staff.User.Id))!));
    }

    [Fact]
    public async Task The_account_page_refuses_answers_it_did_not_ask_for()
    {
        var staff = await app.CreateStaffAsync(Roles.ProgrammeManager);
        var other = await app.CreateStaffAsync(Roles.ProgrammeManager);
        using var authenticator = new SoftwareAuthenticator(Origin);
        var session = await StaffSession.SignInAsync(app, staff);
        var otherSession = await StaffSession.SignInAsync(app, other);

        var garbage = await PostAsync(session, "/Account/Passkeys", "Add", new() { ["Input.Name"] = "Key", ["Input.CredentialJson"] = "[1,2,3]" });
        Assert.Contains("The passkey was not added", await garbage.Content.ReadAsStringAsync());

        // Options fetched in one session, the answer posted in another account's session.
        var answer = authenticator.Create(await OptionsAsync(session, "/Account/Passkeys", "Options"));
        var foreign = await PostAsync(otherSession, "/Account/Passkeys", "Add", new() { ["Input.Name"] = "Key", ["Input.CredentialJson"] = answer });
        Assert.Contains("The passkey was not added", await foreign.Content.ReadAsStringAsync());

        authenticator.Origin = "https://panah-login.example";
        var phished = await EnrolAsync(session, authenticator);
        Assert.Contains("The passkey was not added", await phished.Content.ReadAsStringAsync());

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.Empty(await users.GetPasskeysAsync((await users.FindByIdAsync(staff.User.Id))!));
        Assert.Empty(await users.GetPasskeysAsync((await users.FindByIdAsync(other.User.Id))!));
    }
}

public sealed class SqlitePasskeyTests(SqliteApp app) : PasskeyTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPasskeyTests(PostgresApp app) : PasskeyTests(app), IClassFixture<PostgresApp>;
