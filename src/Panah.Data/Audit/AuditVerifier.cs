using Microsoft.EntityFrameworkCore;
using Panah.Data.Audit.Checkpoints;

namespace Panah.Data.Audit;

/// <summary>The outcome of checking the audit chain: intact, or the first entry (when there is one) that breaks it and why.</summary>
public sealed record AuditVerification(long Entries, long? FirstBadEntryId, string? Problem, int Checkpoints = 0, int Lanes = 1)
{
    public bool IsIntact => FirstBadEntryId is null && Problem is null;
}

/// <summary>
/// Walks each lane of the chain in id order (each entry names the one before it in its lane, and appends always
/// link to the lane's newest entry, so id order is chain order), recomputes every keyed hash, and holds each lane
/// against the signed checkpoints: an edited, deleted, inserted or re-laned entry breaks the walk; a deleted tail, a
/// deleted lane, a deleted log or a chain recomputed with the master key disagrees with a checkpoint. Reads a page of
/// entries at a time, so memory does not grow with the log.
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
        var heads = checkpoints.SelectMany(c => c.Heads.Select(h => (Head: h, c.At))).ToList();
        var lanes = (await db.AuditEntries.AsNoTracking().Select(e => e.Lane).Distinct().ToListAsync(ct))
            .Concat(heads.Select(h => h.Head.Lane)).Append((short)0).Distinct().Order().ToList();
        long entries = 0;
        foreach (var lane in lanes)
        {
            var walk = await WalkAsync(lane, heads.Where(h => h.Head.Lane == lane && h.Head.Entries > 0).ToList(), lanes.Count > 1, ct);
            entries += walk.Entries;
            if (!walk.IsIntact)
            {
                return walk with { Entries = entries, Checkpoints = checkpoints.Count, Lanes = lanes.Count };
            }
        }
        return new(entries, null, null, checkpoints.Count, lanes.Count);
    }

    private async Task<AuditVerification> WalkAsync(short lane, List<(LaneCheckpoint Head, DateTimeOffset At)> covering, bool named, CancellationToken ct)
    {
        var where = named ? $" in lane {lane}" : "";
        var byLastId = covering.ToLookup(c => c.Head.LastId);
        var byPosition = covering.ToLookup(c => c.Head.Entries);
        var previous = AuditChain.GenesisOf(lane);
        long position = 0;
        long lastId = 0;
        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking().Include(e => e.Subjects).AsSplitQuery()
                .Where(e => e.Lane == lane && e.Id > lastId).OrderBy(e => e.Id).Take(PageSize).ToListAsync(ct);
            foreach (var entry in page)
            {
                if (!entry.PreviousHash.AsSpan().SequenceEqual(previous))
                {
                    return new(position, entry.Id, $"entry is not linked to the chain{where} (an entry before it was removed or altered)");
                }
                if (!chain.HashOf(entry).AsSpan().SequenceEqual(entry.Hash))
                {
                    return new(position, entry.Id, "entry content does not match its hash");
                }
                position++;
                // The checkpoint's last entry must be where it was, as it was; and what stands at its position must be it.
                if (byLastId[entry.Id].Concat(byPosition[position]).FirstOrDefault(c => c.Head.LastId != entry.Id || c.Head.Entries != position || !string.Equals(c.Head.HeadHash, Convert.ToHexString(entry.Hash), StringComparison.Ordinal)) is { Head: not null } broken)
                {
                    return new(position, entry.Id, $"entry {entry.Id} differs from the signed checkpoint of {broken.At:O}, which names entry {broken.Head.LastId} as number {broken.Head.Entries} of the chain{where}: the chain was rewritten");
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
        if (covering.Count > 0 && covering.MaxBy(c => c.Head.Entries) is var latest && latest.Head.Entries > position)
        {
            return new(position, null, position == 0
                ? $"the audit log{where} is empty, but the signed checkpoint of {latest.At:O} covers {latest.Head.Entries} entries up to entry {latest.Head.LastId}: the log was deleted"
                : $"the audit log{where} ends after {position} entries (entry {lastId}), but the signed checkpoint of {latest.At:O} covers {latest.Head.Entries} up to entry {latest.Head.LastId}: its tail was deleted");
        }
        return new(position, null, null);
    }
}
