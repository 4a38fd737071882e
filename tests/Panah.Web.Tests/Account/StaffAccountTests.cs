using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Entities;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Account;

/// <summary>
/// Sessions that really end, tokens only for their holders or service accounts, accounts that only
/// their holder can activate, and changing one's own password; run on SQLite and on PostgreSQL.
/// </summary>
public abstract partial class StaffAccountTests(PanahApp app)
{
    private const string Failure = "Sign-in failed";

    [GeneratedRegex("id=\"enrolment-code\">([^<]+)<")]
    private static partial Regex EnrolmentCodeOnPage();

    [GeneratedRegex("id=\"token-secret\"[^>]*>(pnh_[^<]+)<")]
    private static partial Regex SecretOnPage();

    private HttpClient CookieOnlyClient(string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = app.ClientOptions.BaseAddress });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    [Fact]
    public async Task A_session_cookie_copied_before_sign_out_is_refused_after_it()
    {
        var (session, cookie) = await StaffSession.SignInCapturingCookieAsync(app, await app.CreateStaffAsync(Roles.ProgrammeManager));
        var thief = CookieOnlyClient(cookie);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/Registry/People")).StatusCode);

        var logout = await Html.PostFormAsync(session, "/Registry/Households", new Dictionary<string, string>(), "/Account/Logout");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal("\"cache\", \"cookies\", \"storage\"", string.Join(", ", logout.Headers.GetValues("Clear-Site-Data")));

        var replay = await thief.GetAsync("/Registry/People");
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith("/Account/Login", replay.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync("/api/v1/people")).StatusCode);
    }

    [Fact]
    public async Task A_token_of_an_account_that_never_enrolled_two_step_verification_is_refused()
    {
        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer, enrolled: false);
        await using var scope = app.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokens>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => tokens.IssueOwnAsync(staff.User, "t", 1));

        // A token stored for it all the same (as an administrator could issue one before) does not authenticate.
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var secret = ApiTokens.Prefix + Guid.NewGuid().ToString("N");
        db.ApiTokens.Add(new ApiToken { Id = Guid.NewGuid(), UserId = staff.User.Id, Name = "old", Hash = ApiTokens.HashOf(secret), CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddDays(1) });
        await db.SaveChangesAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.ClientWithToken(secret).GetAsync("/api/v1/people")).StatusCode);
    }

    [Fact]
    public async Task A_token_lives_no_longer_than_the_configured_maximum()
    {
        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer);
        await using var scope = app.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokens>();
        Assert.Equal(90, tokens.MaxDays);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => tokens.IssueOwnAsync(staff.User, "long", 91));
        var (token, _) = await tokens.IssueOwnAsync(staff.User, "longest", 90);
        Assert.True(token.ExpiresAt - token.CreatedAt == TimeSpan.FromDays(90));
    }

    [Fact]
    public async Task An_administrators_token_cannot_drive_the_admin_pages()
    {
        var admin = await app.ClientForRoleAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/Admin/Users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/Admin/Tokens")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_issues_tokens_for_service_accounts_only_and_the_audit_names_the_service()
    {
        var admin = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.Administrator));
        var officer = await app.CreateStaffAsync(Roles.RegistrationOfficer);

        // The old form took any account's email; neither it nor the account id issues a token for a person.
        var forPerson = await Html.PostFormAsync(admin, "/Admin/Tokens", new Dictionary<string, string>
        {
            ["Input.Email"] = officer.Email, ["Input.AccountId"] = officer.User.Id, ["Input.Name"] = "steal", ["Input.Days"] = "30",
        }, "/Admin/Tokens?handler=Issue");
        Assert.DoesNotMatch(SecretOnPage(), await forPerson.Content.ReadAsStringAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<PanahDbContext>().ApiTokens.AnyAsync(t => t.UserId == officer.User.Id));
        }

        var service = await app.CreateServiceAccountAsync(Roles.RegistrationOfficer);
        var issued = await Html.PostFormAsync(admin, "/Admin/Tokens", new Dictionary<string, string>
        {
            ["Input.AccountId"] = service.Id, ["Input.Name"] = "kobo-sync", ["Input.Days"] = "30",
        }, "/Admin/Tokens?handler=Issue");
        var secret = SecretOnPage().Match(await issued.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.StartsWith(ApiTokens.Prefix, secret);
        Assert.Equal(HttpStatusCode.OK, (await app.ClientWithToken(secret).GetAsync("/api/v1/people")).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var last = await scope.ServiceProvider.GetRequiredService<PanahDbContext>().AuditEntries.OrderByDescending(a => a.Id).FirstAsync();
            Assert.StartsWith($"service:{service.Id} token:", last.Actor);
        }
        var list = await admin.GetStringAsync("/Admin/Users");
        Assert.Contains("Service account", list);
    }

    [Fact]
    public async Task A_service_account_never_signs_in_with_a_password()
    {
        var service = await app.CreateServiceAccountAsync(Roles.RegistrationOfficer);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Even if a password were set on it somehow, the sign-in page refuses it.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByIdAsync(service.Id))!;
            Assert.True((await users.AddPasswordAsync(user, "a-password-long-enough")).Succeeded);
        }
        var login = await StaffSession.PostLoginAsync(app.AnonymousClient(), service.Email!, "a-password-long-enough");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains(Failure, await login.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_new_account_is_activated_by_its_holder_with_a_single_use_code()
    {
        var admin = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.Administrator));
        var email = $"new-{Guid.NewGuid():N}@test.panah.invalid";
        var created = await Html.PostFormAsync(admin, "/Admin/Users", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Role"] = Roles.RegistrationOfficer,
        }, "/Admin/Users?handler=Create");
        var page = await created.Content.ReadAsStringAsync();
        // The administrator learns neither a password nor an authenticator secret.
        Assert.DoesNotContain("otpauth://", page);
        Assert.DoesNotContain("secret=", page);
        Assert.DoesNotContain("created-password", page);
        var code = EnrolmentCodeOnPage().Match(page).Groups[1].Value;
        Assert.Equal(20, code.Length);

        var newcomer = app.AnonymousClient();
        var enrol = await Html.PostFormAsync(newcomer, "/Account/Enrol", new Dictionary<string, string>
        {
            ["Input.Code"] = code, ["Input.Password"] = "my own passphrase", ["Input.ConfirmPassword"] = "my own passphrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, enrol.StatusCode);
        Assert.StartsWith("/Account/EnrollTotp", enrol.Headers.Location!.ToString());

        var again = await Html.PostFormAsync(app.AnonymousClient(), "/Account/Enrol", new Dictionary<string, string>
        {
            ["Input.Code"] = code, ["Input.Password"] = "someone else's pass", ["Input.ConfirmPassword"] = "someone else's pass",
        });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("This enrolment code is not valid", await again.Content.ReadAsStringAsync());

        var login = await StaffSession.PostLoginAsync(app.AnonymousClient(), email, "my own passphrase");
        Assert.StartsWith("/Account/EnrollTotp", login.Headers.Location!.ToString());
        Assert.Contains(Failure, await (await StaffSession.PostLoginAsync(app.AnonymousClient(), email, "someone else's pass")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_new_enrolment_code_replaces_the_old_one_and_whatever_was_done_with_it()
    {
        var admin = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.Administrator));
        NewStaffAccount first;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            first = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync($"lost-{Guid.NewGuid():N}@test.panah.invalid", Roles.Teacher);
        }
        // Someone else got hold of the first code and used it.
        Assert.Equal(HttpStatusCode.Redirect, (await Enrol(first.EnrolmentCode!, "the intruder's pass")).StatusCode);

        var reissued = await Html.PostFormAsync(admin, "/Admin/Users", new Dictionary<string, string>(), $"/Admin/Users?handler=NewCode&id={first.User.Id}");
        var code = EnrolmentCodeOnPage().Match(await reissued.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.Equal(20, code.Length);
        Assert.Contains(Failure, await (await StaffSession.PostLoginAsync(app.AnonymousClient(), first.User.Email!, "the intruder's pass")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Enrol(code, "the holder's own pass")).StatusCode);
    }

    private Task<HttpResponseMessage> Enrol(string code, string password) =>
        Html.PostFormAsync(app.AnonymousClient(), "/Account/Enrol", new Dictionary<string, string>
        {
            ["Input.Code"] = code, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        });

    [Fact]
    public async Task Changing_ones_password_ends_the_other_sessions_and_keeps_this_one()
    {
        var staff = await app.CreateStaffAsync(Roles.ProgrammeManager);
        var here = await StaffSession.SignInAsync(app, staff);
        var elsewhere = await StaffSession.SignInAsync(app, staff, stepsAhead: 1);
        var changed = await Html.PostFormAsync(here, "/Account/Password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = staff.Password, ["Input.NewPassword"] = "a brand new passphrase", ["Input.ConfirmPassword"] = "a brand new passphrase",
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("id=\"changed\"", await changed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/Registry/People")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/Registry/People")).StatusCode);
        Assert.Contains(Failure, await (await StaffSession.PostLoginAsync(app.AnonymousClient(), staff.Email, staff.Password)).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSession.PostLoginAsync(app.AnonymousClient(), staff.Email, "a brand new passphrase")).StatusCode);
    }

    [Fact]
    public async Task Identity_messages_on_staff_pages_are_translated()
    {
        var staff = await app.CreateStaffAsync(Roles.ProgrammeManager);
        var session = await StaffSession.SignInAsync(app, staff);
        await Html.PostFormAsync(session, "/", new Dictionary<string, string> { ["culture"] = "tr", ["returnUrl"] = "/" }, "/Culture");
        var tooShort = await Html.PostFormAsync(session, "/Account/Password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = staff.Password, ["Input.NewPassword"] = "short", ["Input.ConfirmPassword"] = "short",
        });
        Assert.Contains("Şifre en az 12 karakter olmalı.", WebUtility.HtmlDecode(await tooShort.Content.ReadAsStringAsync()));

        await Html.PostFormAsync(session, "/", new Dictionary<string, string> { ["culture"] = "ug", ["returnUrl"] = "/" }, "/Culture");
        var mismatch = await Html.PostFormAsync(session, "/Account/Password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "not the password", ["Input.NewPassword"] = "a brand new passphrase", ["Input.ConfirmPassword"] = "a brand new passphrase",
        });
        Assert.Contains("نۆۋەتتىكى پارول توغرا ئەمەس.", WebUtility.HtmlDecode(await mismatch.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Identity_messages_on_the_staff_page_are_translated()
    {
        var admin = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.Administrator));
        var existing = await app.CreateStaffAsync(Roles.Teacher);
        await Html.PostFormAsync(admin, "/", new Dictionary<string, string> { ["culture"] = "tr", ["returnUrl"] = "/" }, "/Culture");
        var duplicate = await Html.PostFormAsync(admin, "/Admin/Users", new Dictionary<string, string>
        {
            ["Input.Email"] = existing.Email, ["Input.Role"] = Roles.Teacher,
        }, "/Admin/Users?handler=Create");
        Assert.Contains("Bu e-postayla bir personel hesabı zaten var.", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_person_issues_and_revokes_their_own_token_in_a_signed_in_session()
    {
        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer);
        var session = await StaffSession.SignInAsync(app, staff);
        var issued = await Html.PostFormAsync(session, "/Account/Tokens", new Dictionary<string, string> { ["Input.Name"] = "laptop", ["Input.Days"] = "7" }, "/Account/Tokens?handler=Issue");
        var secret = SecretOnPage().Match(await issued.Content.ReadAsStringAsync()).Groups[1].Value;
        var api = app.ClientWithToken(secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/people")).StatusCode);
        // The token cannot mint more tokens: that page needs the person's session.
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/Account/Tokens")).StatusCode);
    }
}

public sealed class SqliteStaffAccountTests(SqliteApp app) : StaffAccountTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresStaffAccountTests(PostgresApp app) : StaffAccountTests(app), IClassFixture<PostgresApp>;
