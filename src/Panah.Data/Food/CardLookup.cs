using Microsoft.EntityFrameworkCore;
using Panah.Core.Food;

namespace Panah.Data.Food;

/// <summary>Finds the card a clerk scanned or typed: the active card in the caller's scope, or nothing.</summary>
public sealed class CardLookup(PanahDbContext db, CardTokens tokens)
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
}
