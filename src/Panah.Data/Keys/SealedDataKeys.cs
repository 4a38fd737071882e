using Microsoft.EntityFrameworkCore;
using Panah.Data.Crypto;

namespace Panah.Data.Keys;

/// <summary>The data key of every person and household, wrapped under the master key; erased ones (no wrapped key) are left alone.</summary>
public sealed class SealedDataKeys : IMasterKeySealed
{
    public string Name => "data keys";

    public Task<int> CountAsync(PanahDbContext db, CancellationToken ct) => db.DataKeys.CountAsync(k => k.Wrapped != null, ct);

    public async Task<ResealBatch> ResealAsync(PanahDbContext db, KeyRing keys, string? after, int batchSize, CancellationToken ct)
    {
        var from = after is null ? Guid.Empty : Guid.Parse(after);
        var rows = await db.DataKeys.AsNoTracking().Where(k => k.Id > from && k.Wrapped != null)
            .OrderBy(k => k.Id).Take(batchSize).Select(k => new { k.Id, k.Wrapped }).ToListAsync(ct);
        var resealed = 0;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var row in rows.Where(r => !keys.IsSealedUnderCurrentKey(r.Wrapped)))
            {
                var context = row.Id.ToByteArray();
                var wrapped = keys.Wrap(keys.Unwrap(row.Wrapped, context), context);
                resealed += await db.DataKeys.Where(k => k.Id == row.Id && k.Wrapped == row.Wrapped)
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.Wrapped, wrapped), ct);
            }
            await transaction.CommitAsync(ct);
        }
        return new ResealBatch(rows.Count, resealed, rows.Count < batchSize ? null : rows[^1].Id.ToString());
    }
}

/// <summary>The blind-index and audit keys (<see cref="RootSecrets"/>), sealed under the master key.</summary>
public sealed class SealedRootSecrets : IMasterKeySealed
{
    public string Name => "root secrets";

    public Task<int> CountAsync(PanahDbContext db, CancellationToken ct) => db.RootSecrets.CountAsync(ct);

    public async Task<ResealBatch> ResealAsync(PanahDbContext db, KeyRing keys, string? after, int batchSize, CancellationToken ct)
    {
        var rows = await db.RootSecrets.AsNoTracking().ToListAsync(ct);
        var resealed = 0;
        foreach (var row in rows.Where(r => !keys.IsSealedUnderCurrentKey(r.Sealed)))
        {
            var purpose = RootSecrets.PurposeOf(row.Name);
            var value = keys.SealSecret(keys.OpenSecret(row.Sealed, purpose), purpose);
            resealed += await db.RootSecrets.Where(r => r.Name == row.Name && r.Sealed == row.Sealed)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Sealed, value), ct);
        }
        return new ResealBatch(rows.Count, resealed, null);
    }
}
