using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Panah.Data.Budgets;
using Panah.Data.Staff;
using Panah.Web.Infrastructure;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.DataProtection;

/// <summary>The app with small API rate limits and a clock the test moves; <see cref="SecondNode"/> is another node on its database.</summary>
public abstract class RateLimitApp : PanahApp
{
    public const int PerCaller = 10;
    public const int PerAddress = 15;

    protected RateLimitApp(string provider) : base(provider) => Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);

    protected RateLimitApp(RateLimitApp first) : base(first) => Clock = first.Clock;

    public FakeTimeProvider Clock { get; }

    public abstract RateLimitApp SecondNode();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Panah:ApiRateLimit:PerCallerPerMinute", PerCaller.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Panah:ApiRateLimit:PerAddressPerMinute", PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class SqliteRateLimitApp : RateLimitApp
{
    public SqliteRateLimitApp() : base("sqlite") { }

    private SqliteRateLimitApp(RateLimitApp first) : base(first) { }

    public override RateLimitApp SecondNode() => new SqliteRateLimitApp(this);
}

public sealed class PostgresRateLimitApp : RateLimitApp
{
    public PostgresRateLimitApp() : base("postgres") { }

    private PostgresRateLimitApp(RateLimitApp first) : base(first) { }

    public override RateLimitApp SecondNode() => new PostgresRateLimitApp(this);
}

/// <summary>Requests per minute on the whole API, per token or account and per client address, one count for all nodes.</summary>
public abstract class RateLimitTests(RateLimitApp app)
{
    private static int address = 10;

    /// <summary>A client address no other test of the class uses.</summary>
    private static string NewAddress() => $"198.51.100.{Interlocked.Increment(ref address)}";

    private async Task<string> TokenAsync()
    {
        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer);
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueOwnAsync(staff.User, "script", 1)).Secret;
    }

    private static HttpClient At(PanahApp node, string secret, string from)
    {
        var client = node.ClientWithToken(secret);
        client.DefaultRequestHeaders.Add(PanahApp.ClientAddressHeader, from);
        return client;
    }

    [Fact]
    public async Task A_token_past_its_limit_gets_429_with_retry_after_until_the_next_minute()
    {
        var client = At(app, await TokenAsync(), NewAddress());
        for (var i = 0; i < RateLimitApp.PerCaller; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/households?pageSize=1")).StatusCode);
        }

        var refused = await client.GetAsync("/api/v1/households?pageSize=1");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? -1, 1, 60);
        Assert.Equal("Too many requests", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        // Not only search: a write endpoint and a single record are limited too.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync($"/api/v1/people/{Guid.NewGuid()}")).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/households?pageSize=1")).StatusCode);
    }

    [Fact]
    public async Task One_client_address_is_limited_whatever_tokens_it_uses_and_another_address_is_not()
    {
        var from = NewAddress();
        var tokens = new[] { await TokenAsync(), await TokenAsync(), await TokenAsync() };
        var answers = new List<HttpStatusCode>();
        foreach (var secret in tokens)
        {
            var client = At(app, secret, from);
            for (var i = 0; i < 6; i++)
            {
                answers.Add((await client.GetAsync("/api/v1/households?pageSize=1")).StatusCode);
            }
        }
        var anonymous = app.AnonymousClientAt(from);

        Assert.Equal(RateLimitApp.PerAddress, answers.Count(a => a == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync("/api/v1/households")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await At(app, tokens[0], NewAddress()).GetAsync("/api/v1/households?pageSize=1")).StatusCode);
    }

    [Fact]
    public async Task The_counters_never_hold_a_client_address_in_clear()
    {
        var from = NewAddress();
        Assert.Equal(HttpStatusCode.OK, (await At(app, await TokenAsync(), from).GetAsync("/api/v1/households?pageSize=1")).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<Panah.Data.PanahDbContext>().WindowCounters
            .Select(c => c.Key).Where(k => k.StartsWith("rate:address:")).ToListAsync();
        Assert.NotEmpty(keys);
        Assert.DoesNotContain(keys, k => k.Contains(from, StringComparison.Ordinal));
        Assert.All(keys, k => Assert.Matches("^rate:address:[0-9A-F]{32}$", k));
    }

    [Fact]
    public async Task Two_app_nodes_on_one_database_count_one_limit()
    {
        using var second = app.SecondNode();
        var secret = await TokenAsync();
        var from = NewAddress();
        var nodes = new[] { At(app, secret, from), At(second, secret, from) };

        var answers = await Task.WhenAll(Enumerable.Range(0, 2 * RateLimitApp.PerCaller).Select(i => nodes[i % 2].GetAsync("/api/v1/households?pageSize=1")));

        Assert.Equal(RateLimitApp.PerCaller, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(RateLimitApp.PerCaller, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Two_nodes_reserving_blocks_never_pass_a_large_limit_and_write_a_fraction_of_the_time()
    {
        const int allowed = 400;
        var nodes = new[] { new ApiRateLeases(app.Clock), new ApiRateLeases(app.Clock) };
        var limits = new[] { (new CounterWindow("rate:test:" + Guid.NewGuid().ToString("N"), TimeSpan.FromMinutes(1)), allowed) };
        var services = app.Services; // Started once, before the parallel part.

        var answers = await Task.WhenAll(Enumerable.Range(0, 2 * allowed).Select(i => Task.Run(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            return await nodes[i % 2].AdmitAsync(limits, scope.ServiceProvider.GetRequiredService<WindowCounters>(), CancellationToken.None);
        })));

        // None beyond the limit; a block still being reserved when the last requests came may go unused, never much of it.
        Assert.InRange(answers.Count(a => a), allowed - allowed / 10, allowed);
        var writes = nodes.Sum(n => n.Reservations);
        Assert.True(writes < allowed / 4, $"{writes} writes for {2 * allowed} requests");
    }

    [Fact]
    public async Task Pages_are_not_counted_against_the_api_limit()
    {
        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer);
        var browser = await StaffSession.SignInAsync(app, staff);

        for (var i = 0; i <= RateLimitApp.PerAddress; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        }
    }
}

public sealed class SqliteRateLimitTests(SqliteRateLimitApp app) : RateLimitTests(app), IClassFixture<SqliteRateLimitApp>;

public sealed class PostgresRateLimitTests(PostgresRateLimitApp app) : RateLimitTests(app), IClassFixture<PostgresRateLimitApp>;
