using Panah.Data.Access;
using Panah.Data.Food;

namespace Panah.Web.Features.Food.Cycles;

/// <summary>
/// Once at start-up and then every <c>Panah:Food:ExpiryCheckHours</c> (default 24) on the app's clock: what approved
/// cycles that ended before today still owe expires, so a card stops showing food that is no longer due.
/// <c>Panah:Food:ExpiryJob=false</c> switches it off (tests that seed cycles of fixed dates call the expiry themselves).
/// </summary>
public sealed class EntitlementExpiryJob(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration, ILogger<EntitlementExpiryJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Panah:Food:ExpiryJob", true))
        {
            return;
        }
        var every = TimeSpan.FromHours(Math.Clamp(configuration.GetValue("Panah:Food:ExpiryCheckHours", 24.0), 0.1, 24 * 7));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // System work over every office, not a staff member's request.
                scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("food entitlement expiry");
                var expired = await scope.ServiceProvider.GetRequiredService<EntitlementLifecycle>()
                    .ExpireEndedAsync(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), stoppingToken);
                if (expired > 0)
                {
                    logger.LogInformation("Expired {Count} entitlements of ended cycles", expired);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The entitlement expiry check failed; it runs again at the next interval");
            }
            try
            {
                await Task.Delay(every, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // The app is stopping (or never finished starting): not a failure of the job.
                return;
            }
        }
    }
}
