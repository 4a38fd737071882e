using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Crypto;
using Panah.Data.Staff;
using Panah.Web.Infrastructure;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Keys;

/// <summary>Cookie-signing keys live in the database, sealed under the master key: every node of the app reads the same ones.</summary>
public sealed class CookieKeysTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task A_session_cookie_issued_by_one_node_is_accepted_by_another_on_the_same_database()
    {
        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer);
        var (_, cookie) = await StaffSession.SignInCapturingCookieAsync(app, staff);

        using var other = new AnotherNode(app, sameDataDirectory: false);
        var client = other.AnonymousClient();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.False(Directory.Exists(Path.Combine(other.DataDirectory, CookieKeyImport.LegacyDirectory)));
    }
}

/// <summary>An installation from before: its cookie-signing keys in the data directory move into the database once.</summary>
public sealed class LegacyCookieKeysTests : IDisposable
{
    private readonly SqliteApp app = new();

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Keys_left_in_the_data_directory_are_imported_and_the_files_removed()
    {
        // What the earlier version wrote: keys sealed under the master key in <data>/cookie-keys.
        var directory = Path.Combine(app.DataDirectory, CookieKeyImport.LegacyDirectory);
        var keys = KeyRing.Load(app.KeyFile, null);
        var services = new ServiceCollection();
        services.AddSingleton(keys);
        services.AddDataProtection().SetApplicationName("Panah").PersistKeysToFileSystem(new DirectoryInfo(directory));
        services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new MasterKeyXmlEncryptor(keys));
        string protectedByOldInstall;
        await using (var legacy = services.BuildServiceProvider())
        {
            protectedByOldInstall = legacy.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("still readable");
        }
        Assert.NotEmpty(Directory.GetFiles(directory, "*.xml"));

        Assert.Equal("still readable", app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedByOldInstall));
        Assert.False(Directory.Exists(directory));
        await using var scope = app.Services.CreateAsyncScope();
        Assert.NotEmpty(await scope.ServiceProvider.GetRequiredService<PanahDbContext>().DataProtectionKeys.ToListAsync());
    }
}
