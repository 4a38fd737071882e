using System.Globalization;
using System.Text;

namespace Panah.Data.Audit.Checkpoints;

/// <summary>
/// A signed statement of the audit chain's head at a moment: how many entries it held, the id and hash of the last
/// one. Kept outside the database, it lets `audit verify` notice a log whose tail or whole was deleted, or that was
/// re-chained by someone holding the master key: none of them can produce the signature.
/// </summary>
public sealed record AuditCheckpoint(long Entries, long LastId, string HeadHash, DateTimeOffset At, string Signature = "")
{
    /// <summary>The exact bytes signed: a versioned line per field, so no field can be shifted into another.</summary>
    public byte[] SignedContent() => Encoding.UTF8.GetBytes(string.Join('\n',
        "panah-audit-checkpoint/1",
        Entries.ToString(CultureInfo.InvariantCulture),
        LastId.ToString(CultureInfo.InvariantCulture),
        HeadHash,
        At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
}
