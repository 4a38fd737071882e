using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Panah.Data;
using Panah.Data.Audit;
using Panah.Data.Audit.Checkpoints;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Security;

/// <summary>
/// On PostgreSQL the audit chain has lanes, each a hash chain of its own with its own lock, so audited writes do not
/// queue one commit flush after another. Every lane must verify on its own and be held to the signed checkpoints:
/// a deleted lane, an entry moved between lanes, or a checkpoint with one lane's part dropped all fail. The attacker
/// here owns the database (the append-only triggers are disabled) and the master key, not the signing key.
/// </summary>
public sealed class AuditLaneTests : IDisposable
{
    /// <summary>Lane 0's advisory lock key, as every node (and nodes from before lanes) takes it.</summary>
    private const long LaneZeroLock = 8097874969630826869;

    private readonly PostgresApp app = new();

    public void Dispose() => app.Dispose();

    private async Task RegisterAsync(HttpClient client, int count)
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", RegistryRequests.Person("Lane" + i, "Rozi")))));
        Assert.All(responses, r => r.EnsureSuccessStatusCode());
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
    }

    private async Task<AuditCheckpoint> CheckpointAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync(scope.ServiceProvider.GetRequiredService<PanahDbContext>());
    }

    private async Task ExecuteAsOwnerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""ALTER TABLE "AuditEntries" DISABLE TRIGGER USER; ALTER TABLE "AuditSubjects" DISABLE TRIGGER USER; """ + sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<(long Id, short Lane)>> EntriesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        return (await db.AuditEntries.OrderBy(e => e.Id).Select(e => new { e.Id, e.Lane }).ToListAsync()).Select(e => (e.Id, e.Lane)).ToList();
    }

    [Fact]
    public async Task Parallel_audited_writes_spread_over_lanes_and_every_lane_verifies_against_one_signed_checkpoint()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        await RegisterAsync(client, 30);
        var lanes = (await EntriesAsync()).Select(e => e.Lane).Distinct().Count();
        Assert.True(lanes >= 2, $"{lanes} lane(s) used");
        var checkpoint = await CheckpointAsync();
        Assert.Equal(lanes, checkpoint.Lanes.Count);
        Assert.Equal((await EntriesAsync()).Count, checkpoint.Lanes.Sum(l => l.Entries));
        var verification = await VerifyAsync();
        Assert.True(verification.IsIntact, verification.Problem);
        Assert.Equal(lanes, verification.Lanes);
        Assert.Equal(checkpoint.Entries, verification.Entries);
    }

    [Fact]
    public async Task A_writer_holding_one_lane_through_a_slow_commit_does_not_hold_up_audited_writes_on_the_others()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        await using var slow = new NpgsqlConnection(app.ConnectionString);
        await slow.OpenAsync();
        await using var transaction = await slow.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({LaneZeroLock})", slow, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }
        // With one chain lock, every one of these waits for the open transaction: they would time out here.
        await RegisterAsync(client, 5).WaitAsync(TimeSpan.FromSeconds(60));
        await transaction.RollbackAsync();
        var verification = await VerifyAsync();
        Assert.True(verification.IsIntact, verification.Problem);
    }

    [Fact]
    public async Task Deleting_a_whole_lane_after_a_checkpoint_fails_verification()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        await RegisterAsync(client, 20);
        await CheckpointAsync();
        var victim = (await EntriesAsync()).Select(e => e.Lane).Where(l => l != 0).Distinct().First();
        await ExecuteAsOwnerAsync($"""
            DELETE FROM "AuditSubjects" WHERE "AuditEntryId" IN (SELECT "Id" FROM "AuditEntries" WHERE "Lane" = {victim});
            DELETE FROM "AuditEntries" WHERE "Lane" = {victim};
            """);
        var verification = await VerifyAsync();
        Assert.False(verification.IsIntact);
        Assert.Contains($"the audit log in lane {victim} is empty", verification.Problem);
        Assert.Contains("the log was deleted", verification.Problem);
    }

    [Fact]
    public async Task Moving_an_entry_to_another_lane_breaks_both_lanes_walks()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        await RegisterAsync(client, 20);
        var entries = await EntriesAsync();
        var lanes = entries.Select(e => e.Lane).Distinct().Order().ToList();
        // An entry in the middle of its lane, moved to the lane after it.
        var inLane = entries.Where(e => e.Lane == lanes[0]).ToList();
        var moved = inLane[inLane.Count / 2];
        await ExecuteAsOwnerAsync($"""UPDATE "AuditEntries" SET "Lane" = {lanes[1]} WHERE "Id" = {moved.Id};""");
        var verification = await VerifyAsync();
        Assert.False(verification.IsIntact);
        Assert.Contains("not linked to the chain", verification.Problem);
    }

    [Fact]
    public async Task A_checkpoint_with_one_lanes_head_dropped_or_altered_is_not_signed()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        await RegisterAsync(client, 20);
        var checkpoint = await CheckpointAsync();
        Assert.True(checkpoint.Lanes.Count >= 2);
        var signer = app.Services.GetRequiredService<CheckpointSigner>();
        Assert.True(signer.IsSigned(checkpoint));
        Assert.False(signer.IsSigned(checkpoint with { Lanes = [.. checkpoint.Lanes.Skip(1)] }));
        Assert.False(signer.IsSigned(checkpoint with { Lanes = [.. checkpoint.Lanes.Select((l, i) => i == 1 ? l with { Entries = l.Entries - 1 } : l)] }));
        // A checkpoint speaking for lane 0 alone (as written before lanes) is a different statement, not this one.
        Assert.False(signer.IsSigned(checkpoint with { Lanes = [] }));
    }
}
