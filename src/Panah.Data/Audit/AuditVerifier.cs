using Microsoft.EntityFrameworkCore;
using Panah.Data.Audit.Checkpoints;

namespace Panah.Data.Audit;

/// <summary>The outcome of checking the audit chain: intact, or the first entry (when there is one) that breaks it and why.</summary>
public sealed record AuditVerification(long Entries, long? FirstBadEntryId, string? Problem, int Checkpoints = 0)
{
    public bool IsIntact => FirstBadEntryId is null && Problem is null;
}

/// <summary>
/// Walks the chain in id order (each entry names the one before it, and appends always link to the newest entry,
/// so id order is chain order), recomputes every keyed hash, and holds the result against the signed checkpoints:
/// an edited, deleted or inserted entry breaks the walk; a deleted tail, a deleted log or a chain recomputed with
/// the master key disagrees with a checkpoint. Reads a page of entries at a time, so memory does not grow with the log.
/// </summary>
public sealed class AuditVerifier(PanahDbContext db, AuditChain chain, AuditCheckpointOptions checkpointOptions)
{
    private const int PageSize = 2000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        var checkpoints = await AuditCheckpoints.ReadAsync(checkpointOptions, ct);
        if (checkpoints.Count > 0)
        {
            using var signer = CheckpointSigner.Load(checkpointOptions, mayCreate: false);
            if (checkpoints.FindIndex(c => !signer.IsSigned(c)) is var unsigned and >= 0)
            {
                return new(0, null, $"checkpoint {unsigned + 1} in {checkpointOptions.CheckpointFile} is not signed by the checkpoint key", checkpoints.Count);
            }
        }
        var covering = checkpoints.Where(c => c.Entries > 0).ToList();
        var byLastId = covering.ToLookup(c => c.LastId);
        var byPosition = covering.ToLookup(c => c.Entries);
        var previous = AuditChain.Genesis;
        long position = 0;
        long lastId = 0;
        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking().Include(e => e.Subjects).AsSplitQuery()
                .Where(e => e.Id > lastId).OrderBy(e => e.Id).Take(PageSize).ToListAsync(ct);
            foreach (var entry in page)
            {
                if (!entry.PreviousHash.AsSpan().SequenceEqual(previous))
                {
                    return new(position, entry.Id, "entry is not linked to the chain (an entry before it was removed or altered)", checkpoints.Count);
                }
                if (!chain.HashOf(entry).AsSpan().SequenceEqual(entry.Hash))
                {
                    return new(position, entry.Id, "entry content does not match its hash", checkpoints.Count);
                }
                position++;
                // The checkpoint's last entry must be where it was, as it was; and what stands at its position must be it.
                if (byLastId[entry.Id].Concat(byPosition[position]).FirstOrDefault(c => c.LastId != entry.Id || c.Entries != position || !string.Equals(c.HeadHash, Convert.ToHexString(entry.Hash), StringComparison.Ordinal)) is { } broken)
                {
                    return new(position, entry.Id, $"entry {entry.Id} differs from the signed checkpoint of {broken.At:O}, which names entry {broken.LastId} as number {broken.Entries} of the chain: the chain was rewritten", checkpoints.Count);
                }
                previous = entry.Hash;
                lastId = entry.Id;
            }
            if (page.Count < PageSize)
            {
                break;
            }
            db.ChangeTracker.Clear();
        }
        if (covering.MaxBy(c => c.Entries) is { } latest && latest.Entries > position)
        {
            return new(position, null, position == 0
                ? $"the audit log is empty, but the signed checkpoint of {latest.At:O} covers {latest.Entries} entries up to entry {latest.LastId}: the log was deleted"
                : $"the audit log ends after {position} entries (entry {lastId}), but the signed checkpoint of {latest.At:O} covers {latest.Entries} up to entry {latest.LastId}: its tail was deleted", checkpoints.Count);
        }
        return new(position, null, null, checkpoints.Count);
    }
}
