using Microsoft.EntityFrameworkCore;
using Panah.Core.Food;
using Panah.Data.Audit;

namespace Panah.Data.Food;

/// <summary>A card as the cards page shows it: its number and household code, nothing personal.</summary>
public sealed record CardRecordView(string Number, string HouseholdCode, int Sequence, CardStatus Status, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt, string? RevokedReason);

/// <summary>Finds cards and the households they are for, in the caller's scope (the data layer's filter) only.</summary>
public sealed class CardLookup(PanahDbContext db, CardTokens tokens, AuditLog audit)
{
    /// <summary>
    /// The active card for a typed number (any case, dashes optional) or a scanned QR token; null when the input is
    /// neither, fails its check character or MAC, or names a revoked card or one outside the caller's scope. The
    /// card's status is read from the database on every call, so a revocation counts at once.
    /// </summary>
    public async Task<FoodCard?> FindActiveAsync(string numberOrToken, CancellationToken ct)
    {
        if (CardNumber.TryNormalize(numberOrToken, out var number))
        {
            return await db.FoodCards.AsNoTracking().SingleOrDefaultAsync(c => c.Number == number && c.Status == CardStatus.Active, ct);
        }
        return await tokens.VerifyAsync(numberOrToken?.Trim(), ct);
    }

    /// <summary>The card numbered <paramref name="number"/> (already normalised), whatever its status, with its household's code; the look-up is audited.</summary>
    public async Task<CardRecordView?> FindAsync(string number, CancellationToken ct)
    {
        var found = await db.FoodCards.AsNoTracking().Where(c => c.Number == number)
            .Join(db.Households, c => c.HouseholdId, h => h.Id, (c, h) => new { c.Id, View = new CardRecordView(c.Number, h.Code, c.Sequence, c.Status, c.IssuedAt, c.RevokedAt, c.RevokedReason) })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }
        await audit.SaveAsync(db, new AuditEvent("food.card.read", "food-card", found.Id.ToString()), ct);
        return found.View;
    }
}
