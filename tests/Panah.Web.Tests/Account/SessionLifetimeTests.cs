using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Panah.Data.Staff;
using Panah.Web.Infrastructure;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Account;

/// <summary>The app on a clock the test moves, to check idle and absolute session limits.</summary>
public sealed class ClockedApp : PanahApp
{
    public ClockedApp()
        : base("sqlite")
    {
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class SessionLifetimeTests(ClockedApp app) : IClassFixture<ClockedApp>
{
    [Fact]
    public async Task An_idle_session_ends_after_the_idle_timeout()
    {
        var client = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.ProgrammeManager));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Registry/People")).StatusCode);
        app.Clock.Advance(StaffSessionValidator.IdleTimeout + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Registry/People")).StatusCode);
    }

    [Fact]
    public async Task A_busy_session_still_ends_at_the_absolute_lifetime()
    {
        var client = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.ProgrammeManager));
        var elapsed = TimeSpan.Zero;
        var step = StaffSessionValidator.IdleTimeout / 2;
        while (elapsed + step < StaffSessionValidator.AbsoluteLifetime)
        {
            app.Clock.Advance(step);
            elapsed += step;
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }
        app.Clock.Advance(step);
        var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/Account/Login", after.Headers.Location!.PathAndQuery);
    }
}
