using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Panah.Data.SignIn;

/// <summary>
/// Failed sign-in attempts in the database, so that every app node on it counts the same ones. Each
/// failure is a row of its own: recording one is a single insert, atomic however many nodes fail at once,
/// with no counter to read and rewrite.
/// </summary>
public sealed class SignInFailures(PanahDbContext db)
{
    /// <summary>
    /// How long until fewer than <paramref name="limit"/> failures under <paramref name="key"/> remain in the
    /// <paramref name="window"/> before <paramref name="now"/>; null when there are fewer already.
    /// </summary>
    public async Task<TimeSpan?> WaitAsync(string key, int limit, TimeSpan window, DateTimeOffset now, CancellationToken ct = default)
    {
        var hash = Hash(key);
        var since = (now - window).ToUnixTimeMilliseconds();
        var latest = await db.SignInFailures.AsNoTracking()
            .Where(f => f.Key == hash && f.At > since)
            .OrderByDescending(f => f.At)
            .Select(f => f.At)
            .Take(limit)
            .ToListAsync(ct);
        return latest.Count >= limit ? DateTimeOffset.FromUnixTimeMilliseconds(latest[^1]) + window - now : null;
    }

    /// <summary>Records one failure under each of <paramref name="keys"/>, and forgets failures older than <paramref name="window"/>.</summary>
    public async Task AddAsync(IEnumerable<string> keys, TimeSpan window, DateTimeOffset now, CancellationToken ct = default)
    {
        var at = now.ToUnixTimeMilliseconds();
        db.SignInFailures.AddRange(keys.Select(k => new SignInFailure { Key = Hash(k), At = at }));
        await db.SaveChangesAsync(ct);
        var expired = (now - window).ToUnixTimeMilliseconds();
        await db.SignInFailures.Where(f => f.At <= expired).ExecuteDeleteAsync(ct);
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
