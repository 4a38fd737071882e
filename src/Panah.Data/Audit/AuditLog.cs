using Microsoft.EntityFrameworkCore;
using Panah.Data.Entities;

namespace Panah.Data.Audit;

/// <summary>What an audit entry says, without personal values.</summary>
public sealed record AuditEvent(string Action, string EntityType, string? EntityId = null, string? Detail = null)
{
    /// <summary>The people this entry is about or showed (a list page, a search, a match): ids only, kept as <see cref="AuditSubject"/> rows.</summary>
    public IReadOnlyList<Guid> People { get; init; } = [];
}

/// <summary>
/// Appends entries to the hash-chained audit log in the same transaction as the change they describe.
/// A unique index on the previous hash makes a forked chain impossible; a writer that lost the race retries.
/// </summary>
public sealed class AuditLog(AuditChain chain, IActor actor, TimeProvider clock, IEnumerable<IReadGate> gates)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private const int Attempts = 5;

    /// <summary>Saves pending changes in <paramref name="db"/> together with <paramref name="events"/>.</summary>
    public async Task SaveAsync(PanahDbContext db, IEnumerable<AuditEvent> events, CancellationToken ct = default)
    {
        var list = events.ToList();
        foreach (var gate in gates)
        {
            await gate.CheckAsync(list, ct);
        }
        await Gate.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var entries = await AppendAsync(db, list, ct);
                try
                {
                    await db.SaveChangesAsync(ct);
                    return;
                }
                catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException && attempt < Attempts)
                {
                    foreach (var e in entries)
                    {
                        db.Entry(e).State = EntityState.Detached;
                    }
                }
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    public Task SaveAsync(PanahDbContext db, AuditEvent e, CancellationToken ct = default) => SaveAsync(db, [e], ct);

    private async Task<List<AuditEntry>> AppendAsync(PanahDbContext db, List<AuditEvent> events, CancellationToken ct)
    {
        var previous = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefaultAsync(ct)
            ?? AuditChain.Genesis;
        // Whole microseconds: PostgreSQL keeps no more, and the hash must survive the round trip.
        var ticks = clock.GetUtcNow().UtcTicks;
        var now = new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
        var entries = new List<AuditEntry>(events.Count);
        foreach (var ev in events)
        {
            var entry = new AuditEntry
            {
                At = now,
                Actor = actor.Id,
                Origin = actor.Origin,
                Action = ev.Action,
                EntityType = ev.EntityType,
                EntityId = ev.EntityId,
                Detail = ev.Detail,
                PreviousHash = previous,
                Hash = [],
            };
            foreach (var person in ev.People.Distinct().Order())
            {
                entry.Subjects.Add(new AuditSubject { Entry = entry, PersonId = person });
            }
            entry.Hash = chain.HashOf(entry);
            previous = entry.Hash;
            entries.Add(entry);
        }
        db.AuditEntries.AddRange(entries);
        return entries;
    }
}
