using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace Panah.Data.Audit.Checkpoints;

/// <summary>
/// A signed statement of the audit chain's heads at a moment: how many entries it held, the id and hash of the last
/// one, per lane. Kept outside the database, it lets `audit verify` notice a log (or a lane of it) whose tail or
/// whole was deleted, or that was re-chained by someone holding the master key: none of them can produce the
/// signature. Every lane is in one signature, so no lane's part can be dropped alone.
/// </summary>
public sealed record AuditCheckpoint(long Entries, long LastId, string HeadHash, DateTimeOffset At, string Signature = "")
{
    /// <summary>Each lane's head; empty in checkpoints written before lanes, which speak for lane 0 alone.</summary>
    public IReadOnlyList<LaneCheckpoint> Lanes { get; init; } = [];

    /// <summary>The heads this checkpoint vouches for, lane by lane.</summary>
    [JsonIgnore]
    public IReadOnlyList<LaneCheckpoint> Heads => Lanes.Count > 0 ? Lanes : [new LaneCheckpoint(0, Entries, LastId, HeadHash)];

    /// <summary>The exact bytes signed: a versioned line per field, so no field can be shifted into another.</summary>
    public byte[] SignedContent() => Encoding.UTF8.GetBytes(string.Join('\n', Lanes.Count == 0
        ? Fields("panah-audit-checkpoint/1")
        : Fields("panah-audit-checkpoint/2").Concat(Lanes.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Lane} {l.Entries} {l.LastId} {l.HeadHash}")))));

    private string[] Fields(string version) =>
    [
        version,
        Entries.ToString(CultureInfo.InvariantCulture),
        LastId.ToString(CultureInfo.InvariantCulture),
        HeadHash,
        At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
    ];
}

/// <summary>One lane's head in a checkpoint: its entry count, last entry's id and hash.</summary>
public sealed record LaneCheckpoint(short Lane, long Entries, long LastId, string HeadHash);
