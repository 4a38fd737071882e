using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Panah.Web.Infrastructure;

/// <summary>
/// Failed sign-in attempts per source (client address; an IPv6 client by its /64). After
/// <c>Panah:SignInFailuresPerSource</c> failures (default 10) within 15 minutes, that source is
/// refused before any account is looked at, so it can no longer push staff accounts into lockout.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IConfiguration configuration)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private const int MaxSources = 10_000;

    private readonly int limit = Math.Max(1, configuration.GetValue("Panah:SignInFailuresPerSource", 10));
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> failures = new();

    /// <summary>How long <paramref name="context"/>'s source must wait, or null when it may try.</summary>
    public TimeSpan? RetryAfter(HttpContext context)
    {
        if (!failures.TryGetValue(SourceOf(context), out var times))
        {
            return null;
        }
        var now = clock.GetUtcNow();
        lock (times)
        {
            Expire(times, now);
            return times.Count >= limit ? times.Peek() + Window - now : null;
        }
    }

    public void RecordFailure(HttpContext context)
    {
        var now = clock.GetUtcNow();
        if (failures.Count >= MaxSources)
        {
            Prune(now);
            if (failures.Count >= MaxSources)
            {
                // Failures from this many places at once are a distributed attack that a per-source
                // count cannot stop anyway (account lockout still applies); starting over keeps memory bounded.
                failures.Clear();
            }
        }
        var times = failures.GetOrAdd(SourceOf(context), _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            Expire(times, now);
            times.Enqueue(now);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (source, times) in failures)
        {
            lock (times)
            {
                Expire(times, now);
                if (times.Count == 0)
                {
                    failures.TryRemove(source, out _);
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
