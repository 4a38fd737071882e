namespace Panah.Data.Erasure;

/// <summary>
/// That a person was erased, when, by whom and why: the row the data protection officer reviews. It holds no
/// personal value; the reason is the officer's free text (so it stays here, never in logs or audit details).
/// </summary>
public sealed class ErasureRecord
{
    /// <summary>In order of erasure (SQLite cannot order by a time with an offset).</summary>
    public long Id { get; set; }
    public Guid PersonId { get; set; }
    public DateTimeOffset ErasedAt { get; set; }

    /// <summary>The actor id (an account id, "cli:…", or "ledger" when a restored backup was brought in line).</summary>
    public required string ErasedBy { get; set; }
    public required string Reason { get; set; }
}
