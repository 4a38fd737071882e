using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Panah.Web.Infrastructure;

/// <summary>
/// The sign-in rate limit (<c>Panah:LoginAttemptsPerMinute</c> per source): it counts attempts, the
/// form posts, not page views, and a refused attempt sees a translated page saying how long to wait.
/// </summary>
public sealed class SignInRateLimit(IConfiguration configuration) : IRateLimiterPolicy<string>
{
    private readonly int perMinute = configuration.GetValue("Panah:LoginAttemptsPerMinute", 20);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => (context, _) =>
    {
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.HttpContext.Response.Headers.Location = Features.Account.TooManyAttemptsModel.UrlFor(wait);
        return ValueTask.CompletedTask;
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        HttpMethods.IsPost(httpContext.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(
                SignInThrottle.SourceOf(httpContext),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) })
            : RateLimitPartition.GetNoLimiter("page view");
}
