using Microsoft.EntityFrameworkCore;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Erasure;
using Panah.Data.Registry;
using Panah.Matching;

namespace Panah.Data.Matching;

/// <summary>
/// Reads every active registration, decrypted, in batches, as matcher records. A bulk read of personal
/// data past the access filter (the matcher must see the whole registry): it is audited with its purpose
/// and count, and its output stays in memory.
/// </summary>
public sealed class MatchSource(PanahDbContext db, RegistrySealer sealer, AuditLog audit, UnscopedReads unscoped)
{
    private const int Batch = 5000;

    public async Task<List<PersonRecord>> LoadAsync(string purpose, IProgress<(long Done, long Total)>? progress = null, CancellationToken ct = default)
    {
        var people = await unscoped.AllAsync<Entities.PersonRecord>(purpose, ct);
        var total = await people.CountAsync(p => p.MergedIntoId == null, ct);
        var records = new List<PersonRecord>(total + total / 2);
        var addresses = new Dictionary<Guid, string?>();
        Guid? after = null;
        long done = 0;
        while (true)
        {
            var query = Active(people);
            if (after is { } a)
            {
                query = query.Where(p => p.Id.CompareTo(a) > 0);
            }
            var batch = await query.OrderBy(p => p.Id).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }
            Open(batch, addresses, records);
            after = batch[^1].Id;
            done += batch.Count;
            progress?.Report((done, total));
            db.ChangeTracker.Clear();
        }
        await audit.SaveAsync(db, new AuditEvent("people.bulk-read", "person", null, $"purpose={purpose} people={done}"), ct);
        return records;
    }

    /// <summary>
    /// The active registrations added or changed at or after <paramref name="since"/>: the person's row, or their
    /// household's (an address is matching evidence), as an incremental duplicate run compares them.
    /// </summary>
    public async Task<List<PersonRecord>> LoadChangedAsync(DateTimeOffset since, string purpose, CancellationToken ct = default)
    {
        var people = await unscoped.AllAsync<Entities.PersonRecord>(purpose, ct);
        var active = people.AsNoTracking().Where(p => p.MergedIntoId == null);
        List<Guid> ids;
        if (db.Database.IsSqlite())
        {
            // SQLite keeps a DateTimeOffset as text that EF will not compare: the two times of each row, compared here.
            ids = (await active.Select(p => new { p.Id, p.UpdatedAt, Household = p.Household!.UpdatedAt }).ToListAsync(ct))
                .Where(p => p.UpdatedAt >= since || p.Household >= since).Select(p => p.Id).ToList();
        }
        else
        {
            ids = await active.Where(p => p.UpdatedAt >= since || p.Household!.UpdatedAt >= since).Select(p => p.Id).ToListAsync(ct);
        }
        var records = new List<PersonRecord>(ids.Count * 2);
        var addresses = new Dictionary<Guid, string?>();
        foreach (var chunk in ids.Chunk(1000))
        {
            Open(await Active(people).Where(p => chunk.Contains(p.Id)).ToListAsync(ct), addresses, records);
            db.ChangeTracker.Clear();
        }
        await audit.SaveAsync(db, new AuditEvent("people.bulk-read", "person", null, $"purpose={purpose} people={ids.Count}"), ct);
        return records;
    }

    /// <summary>Active registrations not erased: the people a run covers, counted without reading any of them.</summary>
    public async Task<int> CountAsync(string purpose, CancellationToken ct = default) =>
        await (await unscoped.AllAsync<Entities.PersonRecord>(purpose, ct)).CountAsync(p => p.MergedIntoId == null && p.Key!.Wrapped != null, ct);

    private static IQueryable<Entities.PersonRecord> Active(IQueryable<Entities.PersonRecord> people) =>
        people.AsNoTracking().Include(p => p.Key).Include(p => p.Household).ThenInclude(h => h!.Key).Where(p => p.MergedIntoId == null);

    private void Open(List<Entities.PersonRecord> batch, Dictionary<Guid, string?> addresses, List<PersonRecord> records)
    {
        foreach (var p in batch)
        {
            if (p.Key!.IsErased())
            {
                continue;
            }
            if (!addresses.TryGetValue(p.HouseholdId, out var address))
            {
                address = RegistrySealer.OpenHousehold(sealer.OpenKey(p.Household!.Key!), p.Household).Address;
                addresses[p.HouseholdId] = address;
            }
            records.AddRange(MatchRecords.For(p.Id, RegistrySealer.OpenPerson(sealer.OpenKey(p.Key!), p), address, p.HouseholdId));
        }
    }
}
