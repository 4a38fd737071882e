using Microsoft.EntityFrameworkCore;
using Panah.Data.Crypto;
using Panah.Data.Staff;

namespace Panah.Data.Keys;

/// <summary>Staff accounts' Identity tokens (authenticator keys, recovery codes), sealed by <see cref="SealedTokenUserStore"/>; a batch is that many accounts.</summary>
public sealed class SealedStaffTokens : IMasterKeySealed
{
    public string Name => "staff sign-in secrets";

    public Task<int> CountAsync(PanahDbContext db, CancellationToken ct) => db.UserTokens.CountAsync(t => t.Value != null, ct);

    public async Task<ResealBatch> ResealAsync(PanahDbContext db, KeyRing keys, string? after, int batchSize, CancellationToken ct)
    {
        var users = await db.UserTokens.Where(t => after == null || t.UserId.CompareTo(after) > 0)
            .Select(t => t.UserId).Distinct().OrderBy(u => u).Take(batchSize).ToListAsync(ct);
        var tokens = await db.UserTokens.AsNoTracking().Where(t => users.Contains(t.UserId) && t.Value != null).ToListAsync(ct);
        var resealed = 0;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var token in tokens.Where(t => t.Value!.StartsWith(SealedTokenUserStore.Prefix, StringComparison.Ordinal)))
            {
                var sealedValue = Convert.FromBase64String(token.Value![SealedTokenUserStore.Prefix.Length..]);
                if (keys.IsSealedUnderCurrentKey(sealedValue))
                {
                    continue;
                }
                var purpose = SealedTokenUserStore.Purpose(token.UserId, token.LoginProvider, token.Name);
                var value = SealedTokenUserStore.Prefix + Convert.ToBase64String(keys.SealSecret(keys.OpenSecret(sealedValue, purpose), purpose));
                resealed += await db.UserTokens
                    .Where(t => t.UserId == token.UserId && t.LoginProvider == token.LoginProvider && t.Name == token.Name && t.Value == token.Value)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, value), ct);
            }
            await transaction.CommitAsync(ct);
        }
        return new ResealBatch(tokens.Count, resealed, users.Count < batchSize ? null : users[^1]);
    }
}
