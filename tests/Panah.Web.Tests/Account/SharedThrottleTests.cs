using System.Net;
using Microsoft.AspNetCore.Hosting;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Account;

/// <summary>The first of two app nodes on one PostgreSQL database, with the real per-source limit of three failures.</summary>
public sealed class FirstNode() : PanahApp("postgres")
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Panah:SignInFailuresPerSource", "3");
    }
}

/// <summary>A second node beside <see cref="FirstNode"/>: same database, same data directory and master key.</summary>
public sealed class SecondNode(FirstNode first) : PanahApp(first)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Panah:SignInFailuresPerSource", "3");
    }
}

public sealed class TwoNodes : IDisposable
{
    public TwoNodes()
    {
        // The first node creates the database and the key; the second starts on them.
        _ = First.Services;
        Second = new SecondNode(First);
    }

    public FirstNode First { get; } = new();
    public SecondNode Second { get; }

    public void Dispose()
    {
        Second.Dispose();
        First.Dispose();
    }
}

/// <summary>The sign-in throttle counts in the database: failures at one node count at the other.</summary>
public sealed class SharedThrottleTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task Failures_spread_over_two_nodes_meet_one_limit()
    {
        const string source = "203.0.113.77";
        var first = nodes.First.AnonymousClientAt(source);
        var second = nodes.Second.AnonymousClientAt(source);
        foreach (var client in new[] { first, first, second })
        {
            Assert.Contains("Sign-in failed", await (await StaffSession.PostLoginAsync(client, "nobody@test.panah.invalid", "wrong-password-123")).Content.ReadAsStringAsync());
        }
        foreach (var client in new[] { second, first })
        {
            var refused = await StaffSession.PostLoginAsync(client, "nobody@test.panah.invalid", "wrong-password-123");
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/Account/TooManyAttempts", refused.Headers.Location!.ToString());
        }
        var elsewhere = await StaffSession.PostLoginAsync(nodes.Second.AnonymousClientAt("198.51.100.77"), "nobody@test.panah.invalid", "wrong-password-123");
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }
}
