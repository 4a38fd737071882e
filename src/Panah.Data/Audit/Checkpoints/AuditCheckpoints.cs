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

    /// <summary>Signs the head of the chain as <paramref name="db"/> sees it now and sends it to every configured place.</summary>
    public async Task<AuditCheckpoint> WriteAsync(PanahDbContext db, CancellationToken ct = default)
    {
        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).Select(e => new { e.Id, e.Hash }).FirstOrDefaultAsync(ct);
        var count = head is null ? 0 : await db.AuditEntries.LongCountAsync(e => e.Id <= head.Id, ct);
        var checkpoint = signer.Sign(new AuditCheckpoint(count, head?.Id ?? 0, Convert.ToHexString(head?.Hash ?? AuditChain.Genesis), clock.GetUtcNow()));
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
