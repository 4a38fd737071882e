using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Audit;
using Panah.Data.Audit.Checkpoints;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Security;

/// <summary>
/// Signed checkpoints of the chain head, kept outside the database, make `audit verify` notice what the chain alone
/// cannot: a deleted tail, a deleted log, and a chain recomputed by someone holding the master key. The attacker here
/// has the database file (the append-only triggers are dropped) and the master key, not the checkpoint signing key.
/// </summary>
public sealed class AuditCheckpointTests : IDisposable
{
    private readonly SqliteApp app = new();

    public void Dispose() => app.Dispose();

    private async Task<List<long>> RegisterAndCheckpointAsync()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", RegistryRequests.Person("Alim" + i, "Rozi")))).EnsureSuccessStatusCode();
        }
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync(db);
        var (ok, output) = await Cli.RunAsync(app.DataDirectory, "audit", "verify");
        Assert.True(ok == 0, output);
        Assert.Contains("consistent with 1 signed checkpoints", output);
        return await db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "panah.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private const string DropTriggers = "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; DROP TRIGGER audit_subjects_no_update; DROP TRIGGER audit_subjects_no_delete;";

    private async Task<string> VerifyFailsAsync()
    {
        var (code, output) = await Cli.RunAsync(app.DataDirectory, "audit", "verify");
        Assert.True(code != 0, output);
        return output;
    }

    [Fact]
    public async Task Deleting_the_tail_of_the_log_fails_verify()
    {
        var ids = await RegisterAndCheckpointAsync();
        var keep = ids[ids.Count - 3];
        await ExecuteAsync($"{DropTriggers} DELETE FROM AuditSubjects WHERE AuditEntryId > {keep}; DELETE FROM AuditEntries WHERE Id > {keep};");
        var output = await VerifyFailsAsync();
        Assert.Contains($"ends after {ids.Count - 2} entries (entry {keep})", output);
        Assert.Contains("its tail was deleted", output);
    }

    [Fact]
    public async Task Deleting_the_whole_log_fails_verify()
    {
        await RegisterAndCheckpointAsync();
        await ExecuteAsync($"{DropTriggers} DELETE FROM AuditSubjects; DELETE FROM AuditEntries;");
        Assert.Contains("the log was deleted", await VerifyFailsAsync());
    }

    [Fact]
    public async Task Rechaining_the_log_with_the_master_key_fails_verify()
    {
        var ids = await RegisterAndCheckpointAsync();
        var removed = ids[ids.Count / 2];
        await ExecuteAsync($"{DropTriggers} DELETE FROM AuditSubjects WHERE AuditEntryId = {removed}; DELETE FROM AuditEntries WHERE Id = {removed};");
        // Recompute every hash after the removed entry with the master key, as the app itself would.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
            var chain = scope.ServiceProvider.GetRequiredService<AuditChain>();
            var previous = AuditChain.Genesis;
            foreach (var entry in await db.AuditEntries.Include(e => e.Subjects).OrderBy(e => e.Id).ToListAsync())
            {
                entry.PreviousHash = previous;
                entry.Hash = chain.HashOf(entry);
                previous = entry.Hash;
            }
            await db.SaveChangesAsync();
            var walk = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
            Assert.Contains("the chain was rewritten", walk.Problem);
        }
        var output = await VerifyFailsAsync();
        Assert.Contains("differs from the signed checkpoint", output);
    }

    [Fact]
    public async Task A_checkpoint_written_before_lanes_existed_still_vouches_for_lane_0()
    {
        var ids = await RegisterAndCheckpointAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
            var head = await db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync();
            // The format of earlier releases: one head, no lanes, signed as version 1.
            var old = scope.ServiceProvider.GetRequiredService<CheckpointSigner>().Sign(new AuditCheckpoint(ids.Count, head.Id, Convert.ToHexString(head.Hash), DateTimeOffset.UtcNow));
            Assert.StartsWith("panah-audit-checkpoint/1\n", System.Text.Encoding.UTF8.GetString(old.SignedContent()), StringComparison.Ordinal);
            var file = app.Services.GetRequiredService<AuditCheckpointOptions>().CheckpointFile;
            await File.AppendAllTextAsync(file, System.Text.Json.JsonSerializer.Serialize(old, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)) + "\n");
        }
        var (ok, output) = await Cli.RunAsync(app.DataDirectory, "audit", "verify");
        Assert.True(ok == 0, output);
        await ExecuteAsync($"{DropTriggers} DELETE FROM AuditSubjects WHERE AuditEntryId = {ids[^1]}; DELETE FROM AuditEntries WHERE Id = {ids[^1]};");
        Assert.Contains("its tail was deleted", await VerifyFailsAsync());
    }

    [Fact]
    public async Task A_checkpoint_line_not_signed_by_the_checkpoint_key_fails_verify()
    {
        await RegisterAndCheckpointAsync();
        var file = app.Services.GetRequiredService<AuditCheckpointOptions>().CheckpointFile;
        await File.AppendAllTextAsync(file, "{\"entries\":1,\"lastId\":1,\"headHash\":\"00\",\"at\":\"2026-01-01T00:00:00Z\",\"signature\":\"AAAA\"}\n");
        Assert.Contains("checkpoint 2", await VerifyFailsAsync());
    }

    [Fact]
    public void The_signing_key_is_owner_only_in_a_directory_of_its_own_apart_from_the_data_and_the_master_key()
    {
        var options = app.Services.GetRequiredService<AuditCheckpointOptions>();
        _ = app.Services.GetRequiredService<CheckpointSigner>();
        var directory = Path.GetDirectoryName(options.SigningKeyFile)!;
        Assert.True(File.Exists(options.SigningKeyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(OwnerOnlyFile.FilePermissions, File.GetUnixFileMode(options.SigningKeyFile));
            Assert.Equal(OwnerOnlyFile.DirectoryPermissions, File.GetUnixFileMode(directory));
        }
        Assert.NotEqual(Path.GetFullPath(app.DataDirectory), directory);
        Assert.NotEqual(Path.GetDirectoryName(app.KeyFile), directory);
        Assert.NotEqual(directory, options.CheckpointDirectory);
        Assert.DoesNotContain(File.ReadAllText(app.KeyFile).Trim(), File.ReadAllText(options.SigningKeyFile), StringComparison.Ordinal);
    }
}
