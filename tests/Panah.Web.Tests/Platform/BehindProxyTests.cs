using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Platform;

/// <summary>The app behind one known TLS proxy, with a small search limit.</summary>
public abstract class ProxiedApp(string provider) : PanahApp(provider)
{
    public static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");
    public const int SearchesPerMinute = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Panah:KnownProxies", Proxy.ToString());
        builder.UseSetting("Panah:SearchesPerMinute", SearchesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class SqliteProxiedApp() : ProxiedApp("sqlite");

public sealed class PostgresProxiedApp() : ProxiedApp("postgres");

/// <summary>Forwarded headers are believed from the known proxy only; cookies are Secure; rate limits are per account.</summary>
public abstract class BehindProxyTests(ProxiedApp app)
{
    private const string Client = "203.0.113.7";

    /// <summary>A request as it reaches the app over plain HTTP from <paramref name="peer"/> (TestServer has no socket to take it from).</summary>
    private async Task<HttpContext> FromAsync(IPAddress peer, string bearer, string path)
    {
        return await app.Server.SendAsync(ctx =>
        {
            ctx.Connection.RemoteIpAddress = peer;
            ctx.Request.Method = HttpMethods.Get;
            ctx.Request.Scheme = "http";
            ctx.Request.Host = new HostString("panah.example"); // HSTS is never sent to localhost
            ctx.Request.Path = path;
            ctx.Request.Headers.Authorization = "Bearer " + bearer;
            ctx.Request.Headers["X-Forwarded-For"] = Client;
            ctx.Request.Headers["X-Forwarded-Proto"] = "https";
        });
    }

    private async Task<string?> LastListReadFromAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        return await db.AuditEntries.Where(e => e.Action == "people.list").OrderByDescending(e => e.Id).Select(e => e.Origin).FirstAsync();
    }

    [Fact]
    public async Task Forwarded_headers_from_the_known_proxy_give_https_and_the_client_address()
    {
        var bearer = (await app.ClientForRoleAsync(Roles.RegistrationOfficer)).DefaultRequestHeaders.Authorization!.Parameter!;

        var proxied = await FromAsync(ProxiedApp.Proxy, bearer, "/api/v1/people");
        Assert.Equal(StatusCodes.Status200OK, proxied.Response.StatusCode);
        Assert.Contains("max-age=31536000", proxied.Response.Headers.StrictTransportSecurity.ToString());
        Assert.Equal(Client, await LastListReadFromAsync());

        // The same headers from anyone else are an attacker's word: ignored.
        var stranger = IPAddress.Parse("198.51.100.9");
        var direct = await FromAsync(stranger, bearer, "/api/v1/people");
        Assert.Equal(StatusCodes.Status200OK, direct.Response.StatusCode);
        Assert.Empty(direct.Response.Headers.StrictTransportSecurity.ToString());
        Assert.Equal(stranger.ToString(), await LastListReadFromAsync());
    }

    [Fact]
    public async Task Cookies_are_Secure_outside_Development_even_over_plain_http()
    {
        var plain = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });
        var login = await plain.GetAsync("/Account/Login");
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("panah.af", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));

        var client = app.AnonymousClient();
        var culture = await Html.PostFormAsync(client, "/Account/Login", new Dictionary<string, string> { ["culture"] = "tr", ["returnUrl"] = "/" }, "/Culture");
        Assert.Equal(HttpStatusCode.Redirect, culture.StatusCode);
        Assert.Contains(culture.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));

        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer);
        var password = await StaffSession.PostLoginAsync(app.AnonymousClient(), staff.Email, staff.Password);
        Assert.All(password.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Two_accounts_behind_one_address_have_their_own_search_limit()
    {
        var first = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var second = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        for (var i = 0; i < ProxiedApp.SearchesPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync("/api/v1/people/search", new { name = "Tursun" })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.PostAsJsonAsync("/api/v1/people/search", new { name = "Tursun" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsJsonAsync("/api/v1/people/search", new { name = "Tursun" })).StatusCode);
    }
}

public sealed class SqliteBehindProxyTests(SqliteProxiedApp app) : BehindProxyTests(app), IClassFixture<SqliteProxiedApp>;

public sealed class PostgresBehindProxyTests(PostgresProxiedApp app) : BehindProxyTests(app), IClassFixture<PostgresProxiedApp>;
