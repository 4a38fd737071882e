using Panah.Data.Entities;

namespace Panah.Data.Audit;

/// <summary>What an audit entry says, without personal values.</summary>
public sealed record AuditEvent(string Action, string EntityType, string? EntityId = null, string? Detail = null)
{
    /// <summary>The people this entry is about or showed (a list page, a search, a match): ids only, kept as <see cref="AuditSubject"/> rows.</summary>
    public IReadOnlyList<Guid> People { get; init; } = [];
}

/// <summary>
/// Records audit entries. A change is saved in one transaction with its entries, so neither exists without the
/// other. A read (nothing pending in the context) joins the next group commit of <see cref="AuditWriter"/> and
/// returns only once its entry is durable: reads do not queue behind each other one transaction at a time.
/// </summary>
public sealed class AuditLog(AuditWriter writer, AuditChain chain, IActor actor, TimeProvider clock, IEnumerable<IReadGate> gates)
{
    /// <summary>Saves pending changes in <paramref name="db"/> together with <paramref name="events"/>.</summary>
    public async Task SaveAsync(PanahDbContext db, IEnumerable<AuditEvent> events, CancellationToken ct = default)
    {
        var list = events.ToList();
        await CheckGatesAsync(list, ct);
        var entries = Entries(list);
        if (!db.ChangeTracker.HasChanges() && db.Database.CurrentTransaction is null)
        {
            await writer.AppendAsync(entries, ct);
            return;
        }
        await AuditAppend.SaveAsync(db, chain, entries, ct);
    }

    public Task SaveAsync(PanahDbContext db, AuditEvent e, CancellationToken ct = default) => SaveAsync(db, [e], ct);

    /// <summary>
    /// Adds <paramref name="e"/>'s entry to <paramref name="db"/> inside the caller's open transaction, linked to the
    /// chain (its lane's lock is taken now), to be saved with the caller's next save. For a writer whose hottest row
    /// locks should come after the chain's and be held only through its final save and commit.
    /// </summary>
    public async Task AddAsync(PanahDbContext db, AuditEvent e, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("AuditLog.AddAsync needs an open transaction: the entry must commit with the change it records.");
        }
        List<AuditEvent> list = [e];
        await CheckGatesAsync(list, ct);
        await AuditAppend.LinkAsync(db, chain, Entries(list), ct);
    }

    /// <summary>Every read gate is asked before any entry is written.</summary>
    private async Task CheckGatesAsync(List<AuditEvent> events, CancellationToken ct)
    {
        foreach (var gate in gates)
        {
            await gate.CheckAsync(events, ct);
        }
    }

    private List<AuditEntry> Entries(List<AuditEvent> events)
    {
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
                PreviousHash = [],
                Hash = [],
            };
            foreach (var person in ev.People.Distinct().Order())
            {
                entry.Subjects.Add(new AuditSubject { Entry = entry, PersonId = person });
            }
            entries.Add(entry);
        }
        return entries;
    }
}
