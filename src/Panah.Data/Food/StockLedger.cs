using Microsoft.EntityFrameworkCore;
using Panah.Core;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Validation;

namespace Panah.Data.Food;

/// <summary>
/// What a person posts to the ledger: a receipt, a transfer, a loss or an adjustment (distributions come from
/// redemptions). <see cref="Packs"/> is signed only for an adjustment; a withdrawal without a <see cref="Batch"/>
/// takes the earliest-expiring batches first.
/// </summary>
public sealed record StockPosting(StockMovementKind Kind, int LocationId, int CommodityId, int Packs)
{
    public int? ToLocationId { get; init; }
    public string? Batch { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public ReceiptSource? Source { get; init; }
    public string? Reference { get; init; }
    public string? Reason { get; init; }
}

/// <summary>The lines one posting wrote.</summary>
public sealed record StockPosted(Guid OperationId, IReadOnlyList<StockLineView> Lines);

/// <summary>
/// Posts receipts, transfers, losses and adjustments at the locations of the staff member's own offices: each in
/// one transaction with its balances and its audit entry, refused whole (nothing written) when invalid or short.
/// </summary>
public sealed class StockLedger(PanahDbContext db, AuditLog audit, ActingStaff staff, StockOptions options, TimeProvider clock)
{
    public async Task<StockPosted> PostAsync(StockPosting posting, CancellationToken ct = default)
    {
        var batch = await ValidateAsync(posting, ct);
        var operation = Guid.NewGuid();
        // Every line of one posting carries the same time.
        var at = clock.GetUtcNow();
        var lines = new List<StockMovement>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            switch (posting.Kind)
            {
                case StockMovementKind.Receipt:
                case StockMovementKind.Adjustment when posting.Packs > 0:
                    await StockBatches.PutAsync(db, posting.LocationId, posting.CommodityId, batch ?? "", posting.ExpiresOn, posting.Packs, options.Stripes, ct);
                    lines.Add(Line(operation, at, posting, posting.LocationId, null, batch ?? "", posting.ExpiresOn, posting.Packs));
                    break;
                case StockMovementKind.Loss:
                case StockMovementKind.Adjustment:
                    foreach (var t in await StockBatches.TakeAsync(db, posting.LocationId, posting.CommodityId, batch, Math.Abs(posting.Packs), false, ct))
                    {
                        lines.Add(Line(operation, at, posting, posting.LocationId, null, t.Batch, t.ExpiresOn, -t.Packs));
                    }
                    break;
                default:
                    var to = posting.ToLocationId!.Value;
                    await StockBatches.LockAsync(db, posting.LocationId, to, posting.CommodityId, ct);
                    foreach (var t in await StockBatches.TakeAsync(db, posting.LocationId, posting.CommodityId, batch, posting.Packs, false, ct))
                    {
                        await StockBatches.PutAsync(db, to, posting.CommodityId, t.Batch, t.ExpiresOn, t.Packs, options.Stripes, ct);
                        lines.Add(Line(operation, at, posting, posting.LocationId, to, t.Batch, t.ExpiresOn, -t.Packs));
                        lines.Add(Line(operation, at, posting, to, posting.LocationId, t.Batch, t.ExpiresOn, t.Packs));
                    }
                    break;
            }
            db.StockMovements.AddRange(lines);
            await audit.SaveAsync(db, new AuditEvent("stock." + posting.Kind.ToString().ToLowerInvariant(), "stock", operation.ToString(),
                $"location={posting.LocationId} to={posting.ToLocationId} commodity={posting.CommodityId} packs={posting.Packs} lines={lines.Count}"), ct);
            await transaction.CommitAsync(ct);
        }
        catch
        {
            foreach (var line in lines)
            {
                db.Entry(line).State = EntityState.Detached;
            }
            throw;
        }
        return new StockPosted(operation, [.. lines.Select(StockLineView.From)]);
    }

    private StockMovement Line(Guid operation, DateTimeOffset at, StockPosting p, int location, int? counterpart, string batch, DateOnly? expiresOn, int packs) => new()
    {
        OperationId = operation,
        Kind = p.Kind,
        LocationId = location,
        CounterpartLocationId = counterpart,
        CommodityId = p.CommodityId,
        Batch = batch,
        ExpiresOn = expiresOn,
        Packs = packs,
        Source = p.Kind == StockMovementKind.Receipt ? p.Source : null,
        Reference = p.Reference,
        Reason = p.Reason,
        At = at,
        By = staff.Id,
    };

    /// <summary>Checks the posting; returns its batch code (trimmed, null when none was given).</summary>
    private async Task<string?> ValidateAsync(StockPosting p, CancellationToken ct)
    {
        if (p.Kind is not (StockMovementKind.Receipt or StockMovementKind.Transfer or StockMovementKind.Loss or StockMovementKind.Adjustment))
        {
            throw new FieldException("kind", "Stock.KindNotPosted");
        }
        if (p.Packs == 0 || Math.Abs((long)p.Packs) > StockLimits.MaxPacks || (p.Packs < 0 && p.Kind != StockMovementKind.Adjustment))
        {
            throw new FieldException("packs", "Stock.PacksOutOfRange");
        }
        if (!await db.ScopedFoodLocations.AnyAsync(l => l.Id == p.LocationId && l.Active, ct))
        {
            throw new FieldException("location", "Stock.UnknownLocation");
        }
        if (p.Kind == StockMovementKind.Transfer
            && (p.ToLocationId is not { } to || to == p.LocationId || !await db.ScopedFoodLocations.AnyAsync(l => l.Id == to && l.Active, ct)))
        {
            throw new FieldException("toLocation", "Stock.UnknownDestination");
        }
        if (!await db.Commodities.AnyAsync(c => c.Id == p.CommodityId, ct))
        {
            throw new FieldException("commodity", "Stock.UnknownCommodity");
        }
        if (p.Kind == StockMovementKind.Receipt && p.Source is null)
        {
            throw new FieldException("source", "Stock.SourceRequired");
        }
        if (p.Kind is StockMovementKind.Loss or StockMovementKind.Adjustment && string.IsNullOrWhiteSpace(p.Reason))
        {
            throw new FieldException("reason", "Stock.ReasonRequired");
        }
        CheckText("reference", p.Reference, StockLimits.MaxTextLength);
        CheckText("reason", p.Reason, StockLimits.MaxTextLength);
        var batch = string.IsNullOrWhiteSpace(p.Batch) ? null : p.Batch.Trim();
        CheckText("batch", batch, StockLimits.MaxBatchLength);
        var arriving = p.Kind == StockMovementKind.Receipt || (p.Kind == StockMovementKind.Adjustment && p.Packs > 0);
        if (p.ExpiresOn is not null && !arriving)
        {
            // A withdrawal's batches keep the expiry they arrived with.
            throw new FieldException("expiresOn", "Stock.ExpiryOnlyOnArrival");
        }
        return batch;
    }

    private static void CheckText(string field, string? text, int max)
    {
        if (text is not null && (text.Length > max || !PlainText.IsAllowed(text)))
        {
            throw new FieldException(field, text.Length > max ? "Stock.TextTooLong" : PlainText.Refused);
        }
    }
}
