using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Panah.Core.Access;
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

    /// <summary>False for a second node on another app's database: the first one cleans up.</summary>
    private readonly bool ownsData = true;

    /// <summary>Another app node on the same database and data directory as <paramref name="first"/>, as production runs several.</summary>
    protected PanahApp(PanahApp first)
    {
        Provider = first.Provider;
        DataDirectory = first.DataDirectory;
        ConnectionString = first.ConnectionString;
        ownsData = false;
    }

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

    /// <summary>False for an app that keeps the read budgets of its configuration (its own or the defaults).</summary>
    protected virtual bool GenerousReadBudgets => true;

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
        builder.UseSetting("Panah:SignInFailuresPerSource", "10000");
        builder.UseSetting("Panah:ApiRateLimit:PerCallerPerMinute", "1000000");
        builder.UseSetting("Panah:ApiRateLimit:PerAddressPerMinute", "1000000");
        // Seeds use fixed dates; the expiry job on the real clock would expire them under a running test.
        builder.UseSetting("Panah:Food:ExpiryJob", "false");
        // The offers sweep runs on the real clock every few minutes: tests that need it drive it on a fake clock (OfferSweepTests).
        builder.UseSetting("Panah:Education:OfferSweep", "false");
        if (GenerousReadBudgets)
        {
            // Tests that page through a registry as their work needs; the read budget tests set their own.
            foreach (var key in Roles.All.Select(r => "Roles:" + r).Append("Token").Append("Service").Append("Other"))
            {
                builder.UseSetting($"Panah:ReadBudget:{key}:PerHour", "1000000");
                builder.UseSetting($"Panah:ReadBudget:{key}:PerDay", "1000000");
            }
        }
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, ClientAddressFilter>());
    }

    public static string KeyFileFor(string dataDirectory) => dataDirectory.TrimEnd(Path.DirectorySeparatorChar) + ".master.key";

    /// <summary>Header a test sets to play a client at another address (the in-memory server has none).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[ClientAddressHeader] is [{ } address])
                {
                    context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address);
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>An anonymous client whose requests come from <paramref name="address"/>.</summary>
    public HttpClient AnonymousClientAt(string address)
    {
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        return client;
    }

    /// <summary>The field offices every database starts with; a test account works in all of them unless told otherwise.</summary>
    public static readonly string[] AllOffices = ["IST", "SEF", "KAY"];

    /// <summary>
    /// A new account with <paramref name="role"/>, its enrolment code redeemed with a password of the
    /// test's choosing, and its authenticator enrolled unless told otherwise (then it has no key yet).
    /// It works in <paramref name="offices"/> and <paramref name="programmes"/> (by default every office and
    /// programme, so that a test about something else sees the registry as before need-to-know scopes).
    /// </summary>
    public async Task<TestStaff> CreateStaffAsync(string role, bool enrolled = true, string[]? offices = null, Programme[]? programmes = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = NewEmail(role);
        var created = await accounts.CreateAsync(email, role, offices: offices ?? AllOffices, programmes: programmes ?? [.. Programmes.All]);
        var password = StaffAccounts.NewPassword();
        var (user, result) = await accounts.RedeemEnrolmentAsync(created.EnrolmentCode!, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        var key = "";
        if (enrolled)
        {
            await users.ResetAuthenticatorKeyAsync(user!);
            await users.SetTwoFactorEnabledAsync(user!, true);
            key = (await users.GetAuthenticatorKeyAsync(user!))!;
        }
        return new TestStaff((await users.FindByIdAsync(user!.Id))!, email, password, key);
    }

    /// <summary>A new service account with <paramref name="role"/>: no password, tokens only.</summary>
    public async Task<StaffUser> CreateServiceAccountAsync(string role, string[]? offices = null, Programme[]? programmes = null)
    {
        await using var scope = Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(
            NewEmail(role), role, service: true, offices: offices ?? AllOffices, programmes: programmes ?? [.. Programmes.All])).User;
    }

    /// <summary>An HTTP client that carries a fresh API token, issued to itself, of a new enrolled account with <paramref name="role"/> (every office and programme unless told).</summary>
    public async Task<HttpClient> ClientForRoleAsync(string role, string[]? offices = null, Programme[]? programmes = null)
    {
        var staff = await CreateStaffAsync(role, offices: offices, programmes: programmes);
        await using var scope = Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueOwnAsync(staff.User, "test", 1);
        return ClientWithToken(secret);
    }

    public HttpClient ClientWithToken(string secret)
    {
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private string NewEmail(string role) => $"{role.ToLowerInvariant()}{Interlocked.Increment(ref counter)}-{Guid.NewGuid():N}@test.panah.invalid"[..60];

    public HttpClient AnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = Address });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsData)
        {
            // Only this app's pool: clearing every pool closes the idle connections of apps still running in
            // parallel test classes, and the last connection to close a WAL database deletes its WAL.
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection(new Panah.Data.PanahDataOptions { DataDirectory = DataDirectory }.SqliteConnectionString());
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
                File.Delete(KeyFile);
                // The audit checkpoints and their signing key, beside the data directory by default.
                foreach (var beside in new[] { ".audit-checkpoints", ".audit-signing" })
                {
                    if (Directory.Exists(DataDirectory + beside))
                    {
                        Directory.Delete(DataDirectory + beside, recursive: true);
                    }
                }
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
