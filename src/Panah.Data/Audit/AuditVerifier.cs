using Microsoft.EntityFrameworkCore;
using Panah.Data.Entities;

namespace Panah.Data.Audit;

/// <summary>The outcome of checking the audit chain: intact, or the first entry that breaks it.</summary>
public sealed record AuditVerification(long Entries, long? FirstBadEntryId, string? Problem)
{
    public bool IsIntact => FirstBadEntryId is null && Problem is null;
}

/// <summary>
/// Walks the chain from the genesis hash, following each entry to the one that names it as previous,
/// and recomputes every keyed hash. An edited, deleted or inserted entry breaks the walk.
/// </summary>
public sealed class AuditVerifier(PanahDbContext db, AuditChain chain)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        var entries = await db.AuditEntries.AsNoTracking().Include(e => e.Subjects).AsSplitQuery().OrderBy(e => e.Id).ToListAsync(ct);
        var byPrevious = new Dictionary<string, AuditEntry>(entries.Count);
        foreach (var e in entries)
        {
            if (!byPrevious.TryAdd(Convert.ToHexString(e.PreviousHash), e))
            {
                return new(entries.Count, e.Id, "two entries name the same previous entry");
            }
        }
        var current = AuditChain.Genesis;
        var visited = 0;
        while (byPrevious.TryGetValue(Convert.ToHexString(current), out var next))
        {
            if (!chain.HashOf(next).AsSpan().SequenceEqual(next.Hash))
            {
                return new(entries.Count, next.Id, "entry content does not match its hash");
            }
            visited++;
            current = next.Hash;
        }
        if (visited != entries.Count)
        {
            var linked = new HashSet<long>();
            current = AuditChain.Genesis;
            while (byPrevious.TryGetValue(Convert.ToHexString(current), out var next))
            {
                linked.Add(next.Id);
                current = next.Hash;
            }
            var orphan = entries.First(e => !linked.Contains(e.Id));
            return new(entries.Count, orphan.Id, "entry is not linked to the chain (an entry before it was removed or altered)");
        }
        return new(entries.Count, null, null);
    }
}
