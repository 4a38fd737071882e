using Panah.Data.Access;
using Panah.Data.Food;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Food.Cycles;

/// <summary>
/// Once at start-up and then every <c>Panah:Food:ExpiryCheckHours</c> (default 24) on the app's clock: what approved
/// cycles that ended before today still owe expires, so a card stops showing food that is no longer due.
/// <c>Panah:Food:ExpiryJob=false</c> switches it off (tests that seed cycles of fixed dates call the expiry themselves).
/// </summary>
public sealed partial class EntitlementExpiryJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<EntitlementExpiryJob> logger)
    : PeriodicJob(clock, logger)
{
    protected override TimeSpan? Period => configuration.GetValue("Panah:Food:ExpiryJob", true)
        ? TimeSpan.FromHours(Math.Clamp(configuration.GetValue("Panah:Food:ExpiryCheckHours", 24.0), 0.1, 24 * 7))
        : null;

    protected override bool TickAtStart => true;

    protected override async Task TickAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        // System work over every office, not a staff member's request.
        scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("food entitlement expiry");
        var expired = await scope.ServiceProvider.GetRequiredService<EntitlementLifecycle>()
            .ExpireEndedAsync(DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime), ct);
        if (expired > 0)
        {
            Expired(Logger, expired);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} entitlements of ended cycles")]
    private static partial void Expired(ILogger logger, int count);
}
