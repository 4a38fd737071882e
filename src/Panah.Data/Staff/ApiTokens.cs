using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Panah.Data.Audit;
using Panah.Data.Entities;

namespace Panah.Data.Staff;

/// <summary>Issues, checks and revokes bearer API tokens. Only a SHA-256 hash of each token is stored.</summary>
public sealed class ApiTokens(PanahDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string Prefix = "pnh_";

    public async Task<(ApiToken Token, string Secret)> IssueAsync(StaffUser user, string name, int days, CancellationToken ct = default)
    {
        if (days is < 1 or > 366)
        {
            throw new ArgumentOutOfRangeException(nameof(days), "A token lives 1 to 366 days.");
        }
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100 || !Panah.Core.PlainText.IsAllowed(name))
        {
            throw new ArgumentException("A token needs a name of at most 100 characters, without control or invisible formatting characters.", nameof(name));
        }
        var secret = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            UserId = user.Id,
            Name = name.Trim(),
            Hash = HashOf(secret),
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
        };
        db.ApiTokens.Add(token);
        await audit.SaveAsync(db, new AuditEvent("token.issue", "apitoken", token.Id.ToString(), $"user={user.Id} days={days}"), ct);
        return (token, secret);
    }

    /// <summary>The active token for <paramref name="secret"/> with its user, or null.</summary>
    public async Task<ApiToken?> FindActiveAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }
        var hash = HashOf(secret);
        var token = await db.ApiTokens.Include(t => t.User).FirstOrDefaultAsync(t => t.Hash == hash, ct);
        return token is not null && token.IsActive(clock.GetUtcNow()) && token.User is { IsDisabled: false } ? token : null;
    }

    public async Task<bool> RevokeAsync(Guid id, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (token is null || token.RevokedAt is not null)
        {
            return false;
        }
        token.RevokedAt = clock.GetUtcNow();
        await audit.SaveAsync(db, new AuditEvent("token.revoke", "apitoken", id.ToString()), ct);
        return true;
    }

    public static byte[] HashOf(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
