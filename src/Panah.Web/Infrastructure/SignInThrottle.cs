using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Panah.Web.Infrastructure;

/// <summary>
/// Failed sign-in attempts per source (client address; an IPv6 client by its /64), counted over 15
/// minutes. A source is refused, before any account is looked at, after
/// <c>Panah:SignInFailuresPerSource</c> failures (default 10), and for one account after one failure
/// fewer than the account lockout needs: so no single place can lock a staff member out, while
/// guesses spread over many places still meet the lockout.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IConfiguration configuration, IOptions<IdentityOptions> identity)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private const int MaxKeys = 10_000;

    private readonly int perSource = Math.Max(1, configuration.GetValue("Panah:SignInFailuresPerSource", 10));
    private readonly int perAccount = Math.Max(1, identity.Value.Lockout.MaxFailedAccessAttempts - 1);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> failures = new();

    /// <summary>How long <paramref name="context"/>'s source must wait (for <paramref name="account"/>, if given), or null when it may try.</summary>
    public TimeSpan? RetryAfter(HttpContext context, string? account = null)
    {
        var source = SourceOf(context);
        var now = clock.GetUtcNow();
        var wait = WaitFor(source, perSource, now);
        return wait ?? (account is null ? null : WaitFor(KeyOf(source, account), perAccount, now));
    }

    public void RecordFailure(HttpContext context, string? account = null)
    {
        var now = clock.GetUtcNow();
        if (failures.Count >= MaxKeys)
        {
            Prune(now);
            if (failures.Count >= MaxKeys)
            {
                // Failures from this many places at once are a distributed attack that a per-source
                // count cannot stop anyway (account lockout still applies); starting over keeps memory bounded.
                failures.Clear();
            }
        }
        var source = SourceOf(context);
        Add(source, now);
        if (account is not null)
        {
            Add(KeyOf(source, account), now);
        }
    }

    private TimeSpan? WaitFor(string key, int limit, DateTimeOffset now)
    {
        if (!failures.TryGetValue(key, out var times))
        {
            return null;
        }
        lock (times)
        {
            Expire(times, now);
            return times.Count >= limit ? times.Peek() + Window - now : null;
        }
    }

    private void Add(string key, DateTimeOffset now)
    {
        var times = failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            Expire(times, now);
            times.Enqueue(now);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, times) in failures)
        {
            lock (times)
            {
                Expire(times, now);
                if (times.Count == 0)
                {
                    failures.TryRemove(key, out _);
                }
            }
        }
    }

    private static void Expire(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() + Window <= now)
        {
            times.Dequeue();
        }
    }

    // The typed email is kept only as a hash, known and unknown accounts alike.
    private static string KeyOf(string source, string account) =>
        source + " " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(account.Trim().ToUpperInvariant())));

    /// <summary>The address a request comes from; an IPv6 host owns a whole /64, so it counts as one source.</summary>
    public static string SourceOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "local";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            address = new IPAddress(bytes);
        }
        return address.ToString();
    }
}
