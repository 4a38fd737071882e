using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Audit;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Security;

/// <summary>The audit log is append-only in the database, and `panah audit verify` names the first tampered entry.</summary>
public sealed class AuditChainTests : IDisposable
{
    private readonly SqliteApp app = new();

    public void Dispose() => app.Dispose();

    private async Task<List<long>> RegisterSomeAsync()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        for (var i = 0; i < 3; i++)
        {
            (await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", RegistryRequests.Person("Alim" + i, "Rozi")))).EnsureSuccessStatusCode();
        }
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PanahDbContext>().AuditEntries.OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "panah.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Reads_and_writes_are_audited_without_values()
    {
        var ids = await RegisterSomeAsync();
        Assert.True(ids.Count >= 3 * 2);
        await using var scope = app.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<PanahDbContext>().AuditEntries.ToListAsync();
        Assert.Contains(entries, e => e.Action == "household.create" && e.Actor.StartsWith("user:", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Action == "person.create");
        Assert.DoesNotContain(entries, e => (e.Detail ?? "").Contains("Alim", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_audit_entries()
    {
        var ids = await RegisterSomeAsync();
        var update = await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync($"UPDATE AuditEntries SET Detail = 'x' WHERE Id = {ids[1]}"));
        Assert.Contains("append-only", update.Message);
        await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync($"DELETE FROM AuditEntries WHERE Id = {ids[1]}"));
    }

    [Fact]
    public async Task Verify_passes_on_an_intact_chain_and_names_the_tampered_entry()
    {
        var ids = await RegisterSomeAsync();
        var (ok, okOutput) = await Cli.RunAsync(app.DataDirectory, "audit", "verify");
        Assert.True(ok == 0, okOutput);
        Assert.Contains("intact", okOutput);

        // An attacker with the database file, but not the key, edits one entry.
        var victim = ids[ids.Count / 2];
        await ExecuteAsync($"DROP TRIGGER audit_no_update; UPDATE AuditEntries SET Actor = 'user:someone-else' WHERE Id = {victim};");
        var (bad, badOutput) = await Cli.RunAsync(app.DataDirectory, "audit", "verify");
        Assert.NotEqual(0, bad);
        Assert.Contains($"entry {victim}", badOutput);

        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
        Assert.Equal(victim, result.FirstBadEntryId);
    }

    [Fact]
    public async Task Verify_names_the_entry_after_a_deleted_one()
    {
        var ids = await RegisterSomeAsync();
        var removed = ids[2];
        await ExecuteAsync($"DROP TRIGGER audit_no_delete; DELETE FROM AuditEntries WHERE Id = {removed};");
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
        Assert.False(result.IsIntact);
        Assert.Equal(ids[3], result.FirstBadEntryId);
    }
}
