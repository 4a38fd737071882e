using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Panah.Data.Entities;
using Panah.Data.Staff;

namespace Panah.Web.Tests.Infrastructure;

/// <summary>A staff account made for a test: how to sign in as it.</summary>
public sealed record TestStaff(StaffUser User, string Email, string Password, string AuthenticatorKey);

/// <summary>
/// The real app on a real database: SQLite in its own data directory, or a fresh PostgreSQL
/// database on the shared throwaway server. Logs are captured for the canary tests.
/// </summary>
public abstract class PanahApp : WebApplicationFactory<Program>
{
    private int counter;

    protected PanahApp(string provider)
    {
        Provider = provider;
        DataDirectory = Path.Combine(Path.GetTempPath(), "panah-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(DataDirectory);
        if (provider == "postgres")
        {
            ConnectionString = PostgresServer.Instance.ConnectionString("panah_" + Guid.NewGuid().ToString("N")[..12]);
        }
    }

    /// <summary>TestServer requests go over https, as behind the TLS proxy: cookies are Secure outside Development.</summary>
    public static readonly Uri TestServerAddress = new("https://localhost");

    public string Provider { get; }
    public string DataDirectory { get; }

    /// <summary>The TestServer's https address, or the loopback address Kestrel listens on once started with it.</summary>
    private Uri Address => ClientOptions.BaseAddress.IsDefaultPort ? TestServerAddress : ClientOptions.BaseAddress;

    /// <summary>Beside the data directory, never in it and never in the real home directory.</summary>
    public string KeyFile => KeyFileFor(DataDirectory);
    public string? ConnectionString { get; }
    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("PANAH_DATA", DataDirectory);
        builder.UseSetting("PANAH_KEY_FILE", KeyFile);
        builder.UseSetting("PANAH_DB", Provider);
        if (ConnectionString is not null)
        {
            builder.UseSetting("PANAH_CONNECTION", ConnectionString);
        }
        builder.UseSetting("Panah:LoginAttemptsPerMinute", "10000");
        builder.UseSetting("Panah:SearchesPerMinute", "10000");
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
    }

    public static string KeyFileFor(string dataDirectory) => dataDirectory.TrimEnd(Path.DirectorySeparatorChar) + ".master.key";

    /// <summary>A new account with <paramref name="role"/>, enrolled in TOTP unless told otherwise.</summary>
    public async Task<TestStaff> CreateStaffAsync(string role, bool enrolled = true)
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"{role.ToLowerInvariant()}{Interlocked.Increment(ref counter)}-{Guid.NewGuid():N}@test.panah.invalid"[..60];
        var created = await accounts.CreateAsync(email, role);
        if (enrolled)
        {
            await users.SetTwoFactorEnabledAsync(created.User, true);
        }
        var key = await users.GetAuthenticatorKeyAsync(created.User);
        return new TestStaff(created.User, email, created.Password, key!);
    }

    /// <summary>An HTTP client that carries a fresh API token of a new account with <paramref name="role"/>.</summary>
    public async Task<HttpClient> ClientForRoleAsync(string role)
    {
        var staff = await CreateStaffAsync(role);
        await using var scope = Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueAsync(staff.User, "test", 1);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = Address });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public HttpClient AnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = Address });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            // Only this app's pool: clearing every pool closes the idle connections of apps still running in
            // parallel test classes, and the last connection to close a WAL database deletes its WAL.
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection(new Panah.Data.PanahDataOptions { DataDirectory = DataDirectory }.SqliteConnectionString());
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
                File.Delete(KeyFile);
            }
            catch (IOException)
            {
                // A file still held open by a background task; the temp directory is cleaned by the OS.
            }
        }
    }
}

public sealed class SqliteApp() : PanahApp("sqlite");

public sealed class PostgresApp() : PanahApp("postgres");
