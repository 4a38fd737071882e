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
            var query = people.AsNoTracking().Include(p => p.Key).Include(p => p.Household).ThenInclude(h => h!.Key)
                .Where(p => p.MergedIntoId == null);
            if (after is { } a)
            {
                query = query.Where(p => p.Id.CompareTo(a) > 0);
            }
            var batch = await query.OrderBy(p => p.Id).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }
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
            after = batch[^1].Id;
            done += batch.Count;
            progress?.Report((done, total));
            db.ChangeTracker.Clear();
        }
        await audit.SaveAsync(db, new AuditEvent("people.bulk-read", "person", null, $"purpose={purpose} people={done}"), ct);
        return records;
    }
}
