using Microsoft.EntityFrameworkCore;
using Panah.Data.Access;
using Panah.Data.Entities;
using Panah.Data.Erasure;
using Panah.Data.Registry;

namespace Panah.Data.Matching;

/// <summary>
/// Brings this node's match index up to date with the <see cref="MatchIndexChange"/> rows past its cursor: each
/// changed person is read again, decrypted, and indexed as they are now, or taken out once merged away or erased.
/// Replaying a change is harmless (the person is read as they are), so a missed notification costs only time.
/// </summary>
public sealed class MatchIndexFeed(PanahDbContext db, RegistrySealer sealer, UnscopedReads unscoped, RegistryMatchIndex index, MatchIndexCursor cursor, TimeProvider clock)
{
    private const int Batch = 1000;

    /// <summary>
    /// Where to place the cursor of an index built from what is read after this call: the newest change older than
    /// the gap timeout. A younger one may still have a lower id committing after it, so those are applied again.
    /// </summary>
    public async Task<long> LatestAsync(CancellationToken ct = default)
    {
        var settled = clock.GetUtcNow().UtcDateTime - cursor.GapTimeout;
        return await db.MatchIndexChanges.Where(c => c.At < settled).MaxAsync(c => (long?)c.Id, ct) ?? 0;
    }

    /// <summary>Applies every change past the cursor; returns how many people were read again.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct = default)
    {
        var applied = 0;
        var after = cursor.Through;
        while (true)
        {
            var rows = await db.MatchIndexChanges.AsNoTracking().Where(c => c.Id > after).OrderBy(c => c.Id).Take(Batch)
                .Select(c => new { c.Id, c.PersonId }).ToListAsync(ct);
            if (rows.Count == 0)
            {
                // Still moves the cursor over gaps that have timed out.
                cursor.Take([], clock.GetUtcNow());
                return applied;
            }
            var fresh = cursor.Take(rows.Select(r => r.Id), clock.GetUtcNow()).ToHashSet();
            var people = rows.Where(r => fresh.Contains(r.Id)).Select(r => r.PersonId).Distinct().ToList();
            if (people.Count > 0)
            {
                await ApplyAsync(people, ct);
                applied += people.Count;
            }
            if (rows.Count < Batch)
            {
                return applied;
            }
            after = rows[^1].Id;
        }
    }

    /// <summary>Deletes changes older than <paramref name="before"/>: a node that was away longer rebuilds its index.</summary>
    public Task<int> PruneAsync(DateTime before, CancellationToken ct = default) =>
        db.MatchIndexChanges.Where(c => c.At < before).ExecuteDeleteAsync(ct);

    private async Task ApplyAsync(List<Guid> ids, CancellationToken ct)
    {
        // A read of personal data past the access filter, audited once per catch-up with its purpose.
        var people = await unscoped.AllAsync<PersonRecord>("match-index-follow", ct);
        var rows = await people.AsNoTracking().Include(p => p.Key).Include(p => p.Household).ThenInclude(h => h!.Key)
            .Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var id in ids)
        {
            if (!rows.TryGetValue(id, out var p) || p.MergedIntoId is not null || p.Key!.IsErased())
            {
                index.Remove(id);
                continue;
            }
            var address = p.Household!.Key!.IsErased() ? null : RegistrySealer.OpenHousehold(sealer.OpenKey(p.Household.Key!), p.Household).Address;
            index.Upsert(id, RegistrySealer.OpenPerson(sealer.OpenKey(p.Key!), p), address, p.HouseholdId);
        }
        db.ChangeTracker.Clear();
    }
}
