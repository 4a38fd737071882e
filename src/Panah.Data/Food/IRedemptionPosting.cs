namespace Panah.Data.Food;

/// <summary>
/// Called for every new redemption before it is saved, on the same context and so in the same transaction: the
/// stock ledger posts the distribution from the point's stock here, and refuses (throws) when that would go negative.
/// </summary>
public interface IRedemptionPosting
{
    Task PostAsync(PanahDbContext db, Redemption redemption, CancellationToken ct);
}
