using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Panah.Data.Audit.Checkpoints;

/// <summary>
/// Writes a signed checkpoint of the chain head to the checkpoint file (one JSON line per checkpoint, appended) and,
/// when configured, POSTs it to another machine; reads the file back for `audit verify`. Checkpoints hold counts,
/// ids, a hash and a time: nothing personal.
/// </summary>
public sealed class AuditCheckpoints(AuditCheckpointOptions options, CheckpointSigner signer, TimeProvider clock, HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Signs the heads of the chain's lanes as <paramref name="db"/> sees them now and sends them to every configured place.</summary>
    public async Task<AuditCheckpoint> WriteAsync(PanahDbContext db, CancellationToken ct = default)
    {
        // One statement, so every lane's count and last id come from the same moment.
        var lanes = await db.AuditEntries.AsNoTracking().GroupBy(e => e.Lane)
            .Select(g => new { Lane = g.Key, LastId = g.Max(e => e.Id), Count = g.LongCount() }).ToListAsync(ct);
        var lastIds = lanes.Select(l => l.LastId).ToList();
        var hashes = await db.AuditEntries.AsNoTracking().Where(e => lastIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Hash, ct);
        var heads = lanes.OrderBy(l => l.Lane).Select(l => new LaneCheckpoint(l.Lane, l.Count, l.LastId, Convert.ToHexString(hashes[l.LastId]))).ToList();
        var newest = heads.MaxBy(h => h.LastId);
        var checkpoint = signer.Sign(new AuditCheckpoint(heads.Sum(h => h.Entries), newest?.LastId ?? 0,
            newest?.HeadHash ?? Convert.ToHexString(AuditChain.Genesis), clock.GetUtcNow())
        {
            Lanes = heads.Count > 0 ? heads : [new LaneCheckpoint(0, 0, 0, Convert.ToHexString(AuditChain.Genesis))],
        });
        OwnerOnlyFile.CreateDirectory(options.CheckpointDirectory);
        await using (var file = OwnerOnlyFile.Open(options.CheckpointFile, FileMode.Append))
        {
            await file.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(checkpoint, Json), ct);
            file.WriteByte((byte)'\n');
            // A checkpoint that a crash can undo is worth little.
            file.Flush(flushToDisk: true);
        }
        if (options.CheckpointUrl is { } url)
        {
            using var response = await http.PostAsJsonAsync(url, checkpoint, Json, ct);
            response.EnsureSuccessStatusCode();
        }
        return checkpoint;
    }

    /// <summary>The checkpoints in the file, oldest first; a line that does not parse comes back unsigned, so it fails verification.</summary>
    public static async Task<List<AuditCheckpoint>> ReadAsync(AuditCheckpointOptions options, CancellationToken ct = default)
    {
        var list = new List<AuditCheckpoint>();
        if (!File.Exists(options.CheckpointFile))
        {
            return list;
        }
        foreach (var line in await File.ReadAllLinesAsync(options.CheckpointFile, ct))
        {
            if (line.Length == 0)
            {
                continue;
            }
            AuditCheckpoint? parsed;
            try
            {
                parsed = JsonSerializer.Deserialize<AuditCheckpoint>(line, Json);
            }
            catch (JsonException)
            {
                parsed = null;
            }
            list.Add(parsed ?? new AuditCheckpoint(0, 0, "", DateTimeOffset.MinValue));
        }
        return list;
    }
}
