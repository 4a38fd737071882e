using Microsoft.EntityFrameworkCore;

namespace Panah.Data.Food;

/// <summary>Finds the active card a clerk typed or scanned, within the request's access scope.</summary>
public sealed class CardLookup(PanahDbContext db)
{
    /// <summary>The active card with this number, or null (unknown, revoked or outside the scope).</summary>
    public async Task<FoodCard?> FindActiveAsync(string numberOrToken, CancellationToken ct)
    {
        var number = numberOrToken.Trim();
        return await db.FoodCards.AsNoTracking().FirstOrDefaultAsync(c => c.Number == number && c.Status == CardStatus.Active, ct);
    }
}
