using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Registry;
using Panah.Data;
using Panah.Data.Matching;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using static Panah.Web.Tests.DataProtection.ErasureRequests;

namespace Panah.Web.Tests.DataProtection;

/// <summary>
/// <c>backup create</c> and <c>backup restore</c> through the real CLI while the app runs, on both databases: a
/// backup opens only under its own key, and restoring one made before an erasure leaves the person erased.
/// </summary>
public abstract class BackupTests(PanahApp app) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("panah-backup-").FullName;

    [Fact]
    public async Task A_person_erased_after_a_backup_stays_erased_when_it_is_restored()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var dpo = await app.ClientForRoleAsync(Roles.DataProtectionOfficer);
        var person = Person("Backupcanary", "Rozi", TurkishIdNumber.Complete("996123457"));
        var household = await RegisterAsync(officer, "Fatih", person, Person("Keptbackup", "Rozi", TurkishIdNumber.Complete("996123458"), "spouse", "female"));
        var id = household.GetProperty("members")[0].GetProperty("id").GetGuid();
        var kept = household.GetProperty("members")[1].GetProperty("id").GetGuid();
        var file = Path.Combine(folder, "panah.backup");

        var (created, createdOutput) = await Cli.RunAsync(app, "backup", "create", "--out", file);
        Assert.True(created == 0, createdOutput);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(OwnerOnlyFile.FilePermissions, File.GetUnixFileMode(file));
        }
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("Backupcanary")) < 0, "the name is in clear in the backup");
        Assert.Empty(Directory.GetFiles(app.DataDirectory, ".backup-*"));

        Assert.Equal(HttpStatusCode.OK, (await EraseAsync(dpo, id, "Subject request")).StatusCode);
        var (restored, restoredOutput) = await Cli.RunAsync(app, "backup", "restore", "--in", file);
        Assert.True(restored == 0, restoredOutput);
        Assert.Contains("1 erasure(s) re-applied", restoredOutput, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Gone, (await officer.GetAsync($"/api/v1/people/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/people/{kept}")).StatusCode);
        Assert.Empty(await SearchAsync(officer, new { name = "Backupcanary" }));
        Assert.DoesNotContain(id, await MatchAsync(officer, person));
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Panah.Data.Access.AccessScope>().Everything("test inspection");
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        Assert.Null((await db.People.AsNoTracking().Include(p => p.Key).SingleAsync(p => p.Id == id)).Key!.Wrapped);
        Assert.False(await db.SearchTokens.AnyAsync(t => t.PersonId == id));
        // What a restart would index: the restored database no longer yields the person to the matcher.
        var records = await scope.ServiceProvider.GetRequiredService<MatchSource>().LoadAsync("test");
        Assert.DoesNotContain(records, r => MatchRecords.PersonOf(r.Id) == id);
        Assert.Contains(records, r => MatchRecords.PersonOf(r.Id) == kept);
    }

    [Fact]
    public async Task A_backup_opens_only_under_its_own_backup_key()
    {
        var file = Path.Combine(folder, "keyed.backup");
        var (created, output) = await Cli.RunAsync(app, "backup", "create", "--out", file);
        Assert.True(created == 0, output);
        var otherKey = new Dictionary<string, string> { ["PANAH_BACKUP_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        var (refused, refusedOutput) = await Cli.RunAsync(app, otherKey, "backup", "restore", "--in", file);
        Assert.Equal(1, refused);
        Assert.Contains("does not open", refusedOutput, StringComparison.Ordinal);
        var tampered = await File.ReadAllBytesAsync(file);
        tampered[^20] ^= 1;
        await File.WriteAllBytesAsync(file, tampered);
        Assert.Equal(1, (await Cli.RunAsync(app, "backup", "restore", "--in", file)).ExitCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForRoleAsync(Roles.RegistrationOfficer)).GetAsync("/api/v1/people")).StatusCode);
    }

    public void Dispose()
    {
        Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteBackupTests(SqliteApp app) : BackupTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresBackupTests(PostgresApp app) : BackupTests(app), IClassFixture<PostgresApp>;
