using Panah.Data.Access;

namespace Panah.Data.Food;

public enum CardStatus
{
    Active = 1,

    /// <summary>Lost, damaged or replaced: refused at once at every point.</summary>
    Revoked = 2,
}

/// <summary>
/// A household's food card: the printed number staff can type and a QR code holding an opaque signed token
/// (never personal data). Reissuing revokes the old card and makes a new one with the next sequence.
/// </summary>
public sealed class FoodCard : IHouseholdScoped
{
    public Guid Id { get; set; }

    /// <summary>The number printed on the card and typed at a point when the QR code will not scan.</summary>
    public required string Number { get; set; }
    public Guid HouseholdId { get; set; }
    public int FieldOfficeId { get; set; }

    /// <summary>1 for the first card of a household, 2 for its first replacement…</summary>
    public int Sequence { get; set; } = 1;
    public CardStatus Status { get; set; } = CardStatus.Active;
    public DateTimeOffset IssuedAt { get; set; }
    public string? IssuedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }
    public long Version { get; set; }
}
