using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Entities;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Account;

/// <summary>The app with the real, low sign-in limits instead of the test suite's generous ones.</summary>
public abstract class LimitedApp(int attemptsPerMinute, int failuresPerSource) : PanahApp("sqlite")
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Panah:LoginAttemptsPerMinute", attemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Panah:SignInFailuresPerSource", failuresPerSource.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class RateLimitedApp() : LimitedApp(attemptsPerMinute: 3, failuresPerSource: 1000);

public sealed class ThrottledApp() : LimitedApp(attemptsPerMinute: 1000, failuresPerSource: 3);

/// <summary>The per-minute limit counts sign-in attempts, not page views, and explains itself in the reader's language.</summary>
public sealed class SignInRateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task Page_views_are_not_counted_and_a_refused_attempt_says_how_long_to_wait()
    {
        var client = app.AnonymousClient();
        for (var i = 0; i < 25; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
        }
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await StaffSession.PostLoginAsync(client, "nobody@test.panah.invalid", "wrong-password-123")).StatusCode);
        }
        var refused = await StaffSession.PostLoginAsync(client, "nobody@test.panah.invalid", "wrong-password-123");
        Assert.Equal(HttpStatusCode.SeeOther, refused.StatusCode);
        Assert.Equal("/Account/TooManyAttempts?minutes=1", refused.Headers.Location!.ToString());

        var uyghur = new HttpRequestMessage(HttpMethod.Get, refused.Headers.Location);
        uyghur.Headers.AcceptLanguage.ParseAdd("ug");
        var page = await client.SendAsync(uyghur);
        Assert.Equal((HttpStatusCode)429, page.StatusCode);
        Assert.Contains("كىرىش سىنىقى بەك كۆپ بولدى. 1 مىنۇت", await page.Content.ReadAsStringAsync());
    }
}

/// <summary>Too many failures from one source stop that source, before the accounts it aims at are locked.</summary>
public sealed class SignInThrottleTests(ThrottledApp app) : IClassFixture<ThrottledApp>
{
    [Fact]
    public async Task A_source_with_too_many_failures_is_refused_without_touching_the_account()
    {
        var staff = await app.CreateStaffAsync(Roles.CaseWorker);
        var client = app.AnonymousClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Contains("Sign-in failed", await (await StaffSession.PostLoginAsync(client, staff.Email, "not-the-password-" + i)).Content.ReadAsStringAsync());
        }
        for (var i = 0; i < 5; i++)
        {
            var refused = await StaffSession.PostLoginAsync(client, staff.Email, "not-the-password-x" + i);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/Account/TooManyAttempts?minutes=15", refused.Headers.Location!.ToString());
        }
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByIdAsync(staff.User.Id))!;
        Assert.Equal(3, await users.GetAccessFailedCountAsync(user));
        Assert.False(await users.IsLockedOutAsync(user));

        var elsewhere = await StaffSession.PostLoginAsync(app.AnonymousClientAt("198.51.100.7"), staff.Email, staff.Password);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.StartsWith("/Account/LoginTotp", elsewhere.Headers.Location!.ToString());

        var turkish = new HttpRequestMessage(HttpMethod.Get, "/Account/TooManyAttempts?minutes=15");
        turkish.Headers.AcceptLanguage.ParseAdd("tr");
        var page = await client.SendAsync(turkish);
        Assert.Equal((HttpStatusCode)429, page.StatusCode);
        Assert.Contains("15 dakika bekleyin", await page.Content.ReadAsStringAsync());
    }
}

/// <summary>One place cannot lock a staff member out: it is stopped one failure before the lockout.</summary>
public sealed class SignInLockoutTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task One_place_is_stopped_before_it_can_lock_an_account_out()
    {
        var staff = await app.CreateStaffAsync(Roles.CaseWorker);
        var attacker = app.AnonymousClientAt("203.0.113.9");
        for (var i = 0; i < 4; i++)
        {
            Assert.Contains("Sign-in failed", await (await StaffSession.PostLoginAsync(attacker, staff.Email, "not-the-password-" + i)).Content.ReadAsStringAsync());
        }
        for (var i = 0; i < 10; i++)
        {
            var refused = await StaffSession.PostLoginAsync(attacker, staff.Email, "not-the-password-x" + i);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/Account/TooManyAttempts", refused.Headers.Location!.ToString());
        }
        var owner = await StaffSession.PostLoginAsync(app.AnonymousClientAt("198.51.100.20"), staff.Email, staff.Password);
        Assert.StartsWith("/Account/LoginTotp", owner.Headers.Location!.ToString());
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.False(await users.IsLockedOutAsync((await users.FindByIdAsync(staff.User.Id))!));
    }
}
