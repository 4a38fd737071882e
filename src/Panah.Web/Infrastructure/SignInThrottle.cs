using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Panah.Data.SignIn;

namespace Panah.Web.Infrastructure;

/// <summary>
/// Failed sign-in attempts per source (client address; an IPv6 client by its /64), counted over 15
/// minutes. A source is refused, before any account is looked at, after
/// <c>Panah:SignInFailuresPerSource</c> failures (default 10), and for one account after one failure
/// fewer than the account lockout needs: so no single place can lock a staff member out, while
/// guesses spread over many places still meet the lockout. A pending sign-in (password proved) has
/// <c>Panah:SecondFactorAttemptsPerSignIn</c> tries at its second factor (default 3). The counts are
/// kept in the database (<see cref="SignInFailures"/>), so every app node on it sees the same ones.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IConfiguration configuration, IOptions<IdentityOptions> identity, IServiceScopeFactory scopes)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly int perSource = Math.Max(1, configuration.GetValue("Panah:SignInFailuresPerSource", 10));
    private readonly int perAccount = Math.Max(1, identity.Value.Lockout.MaxFailedAccessAttempts - 1);
    private readonly int perPendingSignIn = Math.Max(1, configuration.GetValue("Panah:SecondFactorAttemptsPerSignIn", 3));

    /// <summary>How long <paramref name="context"/>'s source must wait (for <paramref name="account"/>, if given), or null when it may try.</summary>
    public async Task<TimeSpan?> RetryAfterAsync(HttpContext context, string? account = null)
    {
        await using var scope = scopes.CreateAsyncScope();
        var failures = scope.ServiceProvider.GetRequiredService<SignInFailures>();
        var source = SourceOf(context);
        var now = clock.GetUtcNow();
        return await failures.WaitAsync(source, perSource, Window, now)
            ?? (account is null ? null : await failures.WaitAsync(KeyOf(source, account), perAccount, Window, now));
    }

    public async Task RecordFailureAsync(HttpContext context, string? account = null)
    {
        var source = SourceOf(context);
        await AddAsync(account is null ? [source] : [source, KeyOf(source, account)]);
    }

    /// <summary>True when the pending sign-in <paramref name="pendingId"/> has had all its second-factor tries.</summary>
    public async Task<bool> SecondFactorSpentAsync(string pendingId)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SignInFailures>().WaitAsync(PendingKey(pendingId), perPendingSignIn, Window, clock.GetUtcNow()) is not null;
    }

    public Task RecordSecondFactorFailureAsync(string pendingId) => AddAsync([PendingKey(pendingId)]);

    private async Task AddAsync(string[] keys)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SignInFailures>().AddAsync(keys, Window, clock.GetUtcNow());
    }

    // The typed email is kept only as a hash, known and unknown accounts alike (and the whole key is hashed again when stored).
    private static string KeyOf(string source, string account) =>
        source + " " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(account.Trim().ToUpperInvariant())));

    private static string PendingKey(string pendingId) => "pending " + pendingId;

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
