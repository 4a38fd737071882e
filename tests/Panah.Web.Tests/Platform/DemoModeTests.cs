using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Demo;
using Panah.Data.Staff;
using Panah.Web.Infrastructure;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Platform;

/// <summary><c>--demo</c> runs only on data it created itself; no setting switches it on.</summary>
public sealed class DemoModeTests(SqliteApp app) : IClassFixture<SqliteApp>, IDisposable
{
    private const string BannerEnd = "to any authenticator app.";
    private readonly string fresh = Path.Combine(Path.GetTempPath(), "panah-demo-" + Guid.NewGuid().ToString("N")[..12]);

    private string FreshKey => PanahApp.KeyFileFor(fresh);

    public void Dispose()
    {
        if (Directory.Exists(fresh))
        {
            Directory.Delete(fresh, recursive: true);
        }
        File.Delete(FreshKey);
    }

    [Theory]
    [InlineData("environment")]
    [InlineData("command line")]
    public async Task The_demo_setting_is_refused_in_Production_and_creates_nothing(string how)
    {
        var settings = how == "environment" ? new Dictionary<string, string> { ["Panah__Demo"] = "true" } : new Dictionary<string, string>();
        string[] args = how == "command line" ? ["--Panah:Demo=true"] : [];
        var (code, output) = await WebProcess.RunToExitAsync(fresh, FreshKey, "Production", settings, args);
        Assert.True(code == 2, output);
        Assert.Contains("starts only with --demo", output);
        Assert.False(Directory.Exists(fresh));
        Assert.False(File.Exists(FreshKey));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task The_demo_flag_is_refused_on_a_database_with_real_registrations(string environment)
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var registered = await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", RegistryRequests.Person("Real", "Registration")));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        var (code, output) = await WebProcess.RunToExitAsync(app.DataDirectory, app.KeyFile, environment, new Dictionary<string, string>(), DemoMode.Flag);
        Assert.True(code == 2, output);
        Assert.Contains("Nothing was changed", output);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        Assert.Equal(0, await db.Users.CountAsync(u => u.Email!.EndsWith("@" + DemoSeeder.Domain)));
        Assert.False(File.Exists(Path.Combine(app.DataDirectory, DemoSeeder.LoginsFile)));
        Assert.False(File.Exists(Path.Combine(app.DataDirectory, DemoData.MarkerFile)));
    }

    [Fact]
    public async Task A_demo_in_Production_on_a_new_data_directory_marks_it_and_starts_again_on_it()
    {
        var settings = new Dictionary<string, string> { ["Panah__DemoHouseholds"] = "3" };
        var first = await WebProcess.RunUntilAsync(fresh, FreshKey, "Production", settings, BannerEnd, DemoMode.Flag);
        Assert.Contains(BannerEnd, first);
        var accounts = first.Split('\n').Where(l => l.Contains("@" + DemoSeeder.Domain, StringComparison.Ordinal) && l.Contains("password:", StringComparison.Ordinal)).ToList();
        // One account per role, a second registration officer and the case workers' supervisor, each printed with its scope.
        Assert.Equal(Roles.All.Count + 2, accounts.Count);
        Assert.Contains(accounts, a => a.Contains($"officer@{DemoSeeder.Domain}", StringComparison.Ordinal) && a.Contains("offices KAY; programmes none", StringComparison.Ordinal));
        Assert.Contains(accounts, a => a.Contains($"officer-ist@{DemoSeeder.Domain}", StringComparison.Ordinal) && a.Contains("offices IST; programmes none", StringComparison.Ordinal));
        Assert.Contains(accounts, a => a.Contains($"caseworker@{DemoSeeder.Domain}", StringComparison.Ordinal) && a.Contains("offices IST,SEF; programmes protection", StringComparison.Ordinal));
        Assert.Contains(accounts, a => a.Contains($"manager@{DemoSeeder.Domain}", StringComparison.Ordinal) && a.Contains("offices IST,SEF,KAY; programmes food,education", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(fresh, DemoData.MarkerFile)));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(OwnerOnlyFile.FilePermissions, File.GetUnixFileMode(Path.Combine(fresh, DemoSeeder.LoginsFile)));
        }

        var again = await WebProcess.RunUntilAsync(fresh, FreshKey, "Production", settings, BannerEnd, DemoMode.Flag);
        Assert.Contains(BannerEnd, again);
        Assert.All(accounts, a => Assert.Contains(a.Trim(), again));
    }
}

/// <summary>The sign-in page's demo code appears for demo accounts in a marked demo directory, and nowhere else.</summary>
public sealed class DemoHintTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Demo_accounts_see_their_code_only_in_a_marked_demo_directory()
    {
        IReadOnlyList<DemoLogin> logins;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            logins = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().EnsureAccountsAsync(app.DataDirectory);
        }
        var officer = logins.Single(l => l.Email == $"officer@{DemoSeeder.Domain}");
        var client = app.AnonymousClient();
        var login = await StaffSession.PostLoginAsync(client, officer.Email, officer.Password);
        Assert.StartsWith("/Account/LoginTotp", login.Headers.Location!.ToString());
        Assert.DoesNotContain("id=\"demo-code\"", await client.GetStringAsync(login.Headers.Location));

        await File.WriteAllTextAsync(Path.Combine(app.DataDirectory, DemoData.MarkerFile), "marked by the test");
        var before = StaffSession.CurrentCode(app, officer.AuthenticatorKey);
        var page = await client.GetStringAsync(login.Headers.Location);
        var after = StaffSession.CurrentCode(app, officer.AuthenticatorKey);
        Assert.Contains("id=\"demo-code\"", page);
        Assert.True(page.Contains(before, StringComparison.Ordinal) || page.Contains(after, StringComparison.Ordinal));
    }
}
