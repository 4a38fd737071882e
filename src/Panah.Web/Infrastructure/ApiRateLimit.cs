using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Panah.Data.Budgets;
using Panah.Data.Crypto;

namespace Panah.Web.Infrastructure;

/// <summary>
/// Requests per minute on the whole API, section <c>Panah:ApiRateLimit</c>: <c>PerCallerPerMinute</c> for each API
/// token (or signed-in account without one), <c>PerAddressPerMinute</c> for each client address, signed in or not.
/// </summary>
public sealed record ApiRateLimitOptions(int PerCallerPerMinute, int PerAddressPerMinute)
{
    public static ApiRateLimitOptions Read(IConfiguration configuration) => new(
        configuration.GetValue("Panah:ApiRateLimit:PerCallerPerMinute", 300),
        configuration.GetValue("Panah:ApiRateLimit:PerAddressPerMinute", 600));
}

/// <summary>
/// Rate limits on every <c>/api</c> request, counted in fixed one-minute windows in the database, so that several
/// app nodes enforce one total; a node reserves admissions in blocks (<see cref="ApiRateLeases"/>), so a busy API
/// does not write the database on every request. Over the limit: 429 with <c>Retry-After</c> (the seconds left in the window).
/// The in-process search limiter stays as it is: a stricter, per-node cap on the costliest endpoint.
/// </summary>
public static class ApiRateLimit
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddApiRateLimit(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(ApiRateLimitOptions.Read(configuration)).AddSingleton<ApiRateLeases>();

    /// <summary>After authentication (the caller is known), before authorization (a refused token still counts against its address).</summary>
    public static void UseApiRateLimit(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        var options = context.RequestServices.GetRequiredService<ApiRateLimitOptions>();
        var limits = new List<(CounterWindow Counter, int Allowed)>
        {
            (new CounterWindow("rate:address:" + AddressKey(context), Minute), options.PerAddressPerMinute),
        };
        if (CallerOf(context.User) is { } caller)
        {
            limits.Add((new CounterWindow("rate:" + caller, Minute), options.PerCallerPerMinute));
        }
        if (await context.RequestServices.GetRequiredService<ApiRateLeases>().AdmitAsync(limits, context.RequestServices.GetRequiredService<WindowCounters>(), context.RequestAborted))
        {
            await next(context);
            return;
        }
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds();
        context.Response.Headers.RetryAfter = (60 - (now % 60)).ToString(CultureInfo.InvariantCulture);
        var l = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: l["RateLimit.Title"], detail: l["RateLimit.Detail"]).ExecuteAsync(context);
    });

    /// <summary>The client's address as a keyed hash: the counters table never holds an address in clear.</summary>
    private static string AddressKey(HttpContext context) => Convert.ToHexString(context.RequestServices.GetRequiredService<BlindIndex>()
        .Token(SearchKind.ClientAddress, context.Connection.RemoteIpAddress?.ToString() ?? "local"));

    /// <summary>The token a request came with, else its signed-in account; null when anonymous.</summary>
    private static string? CallerOf(ClaimsPrincipal user) =>
        user.FindFirstValue("token") is { } token ? "token:" + token
        : user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? "account:" + id
        : null;
}
