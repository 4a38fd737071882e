namespace Panah.Data.Erasure;

/// <summary>
/// A legal hold on a household or a person: retention does not erase them while it stands (a court case, an
/// authority's request). Set and lifted by the data protection officer; the reason is their free text.
/// </summary>
public sealed class LegalHold
{
    public long Id { get; set; }
    public Guid? HouseholdId { get; set; }
    public Guid? PersonId { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset SetAt { get; set; }
    public required string SetBy { get; set; }
    public DateTimeOffset? LiftedAt { get; set; }
    public string? LiftedBy { get; set; }
}
