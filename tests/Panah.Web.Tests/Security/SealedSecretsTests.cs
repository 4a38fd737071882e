using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Security;

/// <summary>Authenticator keys are sealed with the master key at rest; signing in with a code still works.</summary>
public abstract class SealedSecretsTests(PanahApp app)
{
    [Fact]
    public async Task An_enrolled_authenticator_key_never_appears_in_clear_in_the_database()
    {
        // An open connection keeps the WAL in place, so the scan reads what was just written.
        await using var holder = app.Provider == "sqlite" ? new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "panah.db")}") : null;
        if (holder is not null)
        {
            await holder.OpenAsync();
        }
        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer);
        var session = await StaffSession.SignInAsync(app, staff);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var stored = await db.UserTokens.Where(t => t.UserId == staff.User.Id).Select(t => t.Value).ToListAsync();
        Assert.NotEmpty(stored);
        Assert.All(stored, value => Assert.DoesNotContain(staff.AuthenticatorKey, value ?? "", StringComparison.OrdinalIgnoreCase));
        if (holder is null)
        {
            return;
        }
        var files = Directory.GetFiles(app.DataDirectory, "panah.db*");
        Assert.Contains(files, f => f.EndsWith("-wal", StringComparison.Ordinal));
        foreach (var file in files)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            await stream.CopyToAsync(memory);
            foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode })
            {
                Assert.True(memory.ToArray().AsSpan().IndexOf(encoding.GetBytes(staff.AuthenticatorKey)) < 0, $"the authenticator key is in clear in {Path.GetFileName(file)} ({encoding.WebName})");
            }
        }
    }
}

public sealed class SqliteSealedSecretsTests(SqliteApp app) : SealedSecretsTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresSealedSecretsTests(PostgresApp app) : SealedSecretsTests(app), IClassFixture<PostgresApp>;
