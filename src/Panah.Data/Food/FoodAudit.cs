using System.Globalization;
using Panah.Data.Audit;

namespace Panah.Data.Food;

/// <summary>Audit entries of food design rows, whose ids the database gives.</summary>
internal static class FoodAudit
{
    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Saves a new row and its entry in one transaction: the entry names the id the insert gave.</summary>
    public static async Task SaveNewAsync(PanahDbContext db, AuditLog audit, Func<AuditEvent> entry, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.SaveAsync(db, entry(), ct);
        await transaction.CommitAsync(ct);
    }
}
