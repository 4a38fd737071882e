using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Platform;

public sealed partial class PlatformTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Health_answers_when_the_database_does()
    {
        var response = await app.AnonymousClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Liveness_answers_ok_anonymously()
    {
        var response = await app.AnonymousClient().GetAsync("/healthz/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Cookie_signing_keys_are_sealed_with_the_master_key_at_rest()
    {
        var staff = await app.CreateStaffAsync(Roles.ProgrammeManager);
        var session = await StaffSession.SignInAsync(app, staff);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<PanahDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        Assert.NotEmpty(stored);
        foreach (var xml in stored)
        {
            Assert.Contains("<sealedKey", xml);
            Assert.DoesNotContain("<masterKey", xml);
        }
    }

    [Fact]
    public async Task Pages_carry_strict_security_headers_and_are_never_cached()
    {
        var response = await app.AnonymousClient().GetAsync("/Account/Login");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("http", csp);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_registry_for_signed_in_staff()
    {
        var client = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/households", out _));
        Assert.True(paths.TryGetProperty("/api/v1/people/search", out _));
        Assert.True(doc.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("bearer", out _));
        var viewer = await client.GetAsync("/api/docs/index.html");
        Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
        Assert.DoesNotContain("https://", await viewer.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("(?:href|src)=\"(/[^\"]+\\.(?:css|js)(?:\\?v=[^\"]+)?)\"")]
    private static partial Regex Assets();

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/Registry/Households/Register")]
    [InlineData("/Registry/People")]
    [InlineData("/")]
    public async Task No_page_weighs_more_than_150_KB_over_the_wire(string url)
    {
        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer);
        var client = await StaffSession.SignInAsync(app, staff);
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");
        var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        long total = (await page.Content.ReadAsByteArrayAsync()).Length;
        var assets = Assets().Matches(html);
        Assert.True(assets.Count >= 2, "the page should link its stylesheets and script");
        foreach (Match asset in assets)
        {
            var response = await client.GetAsync(asset.Groups[1].Value);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(response.Content.Headers.ContentType?.MediaType, new[] { "text/css", "text/javascript" });
            // Every stylesheet and script goes compressed (a script type left off the list once sent 60 KB of Bootstrap raw).
            Assert.True(response.Content.Headers.ContentEncoding.Count == 1, $"{asset.Groups[1].Value} was sent uncompressed");
            total += response.Content.Headers.ContentLength ?? (await response.Content.ReadAsByteArrayAsync()).Length;
            Assert.DoesNotContain("//", asset.Groups[1].Value.TrimStart('/'));
        }
        Assert.True(total < 150 * 1024, $"{url}: {total:N0} bytes");
        Assert.DoesNotMatch("(?:src|href)=\"https?://", html);
    }

    [Theory]
    [InlineData("/Registry/Households?district=é")]
    [InlineData("/Registry/ü")]
    [InlineData("//evil.example/ü")]
    public async Task The_language_switch_goes_back_only_to_a_local_address(string returnUrl)
    {
        var client = app.AnonymousClient();
        var response = await Html.PostFormAsync(client, "/Account/Login", new Dictionary<string, string> { ["culture"] = "tr", ["returnUrl"] = returnUrl }, "/Culture");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.True(location == "/" || (location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) && location.All(char.IsAscii)), location);
    }

    [Fact]
    public async Task After_sign_in_a_made_up_return_address_goes_home()
    {
        var staff = await app.CreateStaffAsync(Roles.ProgrammeManager);
        var client = app.AnonymousClient();
        var login = await Html.PostFormAsync(client, "/Account/Login?ReturnUrl=%2F%C3%BC", new Dictionary<string, string> { ["Email"] = staff.Email, ["Password"] = staff.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var next = login.Headers.Location!.ToString();
        var code = await Html.PostFormAsync(client, next, new Dictionary<string, string> { ["Input.Code"] = StaffSession.CurrentCode(app, staff.AuthenticatorKey) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/", code.Headers.Location!.OriginalString);
    }
}
