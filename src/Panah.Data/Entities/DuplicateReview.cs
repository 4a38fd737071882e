namespace Panah.Data.Entities;

public enum ReviewStatus
{
    Pending = 0,
    SamePerson = 1,
    NotSame = 2,
}

/// <summary>
/// A pair of people the matcher thinks may be one person, and a reviewer's decision. A decided pair is
/// kept for good: "not the same" is never proposed again. <see cref="PersonAId"/> sorts before <see cref="PersonBId"/>.
/// </summary>
public sealed class DuplicateReview
{
    public Guid Id { get; set; }
    public Guid PersonAId { get; set; }
    public Guid PersonBId { get; set; }
    public double Score { get; set; }
    public double Probability { get; set; }
    public required string Reason { get; set; }
    public ReviewStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public long Version { get; set; }
}
