namespace Panah.Web.Infrastructure;

/// <summary>
/// Headers on every response: a strict Content-Security-Policy with no third-party origin, no framing,
/// no referrer, and <c>Cache-Control: no-store</c> on everything but static assets, so no personal page
/// lingers in a browser or proxy cache.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    /// <summary>The API viewer renders with inline styles; it holds no personal data and scripts stay 'self'.</summary>
    private const string DocsPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        ctx.Response.OnStarting(() =>
        {
            var h = ctx.Response.Headers;
            var docs = ctx.Request.Path.StartsWithSegments("/api/docs");
            h.ContentSecurityPolicy = docs ? DocsPolicy : ContentSecurityPolicy;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Permissions-Policy"] = "camera=(self), geolocation=(), microphone=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!IsStaticAsset(ctx.Request.Path))
            {
                h.CacheControl = "no-store";
                h.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        await next();
    });

    private static bool IsStaticAsset(PathString path) =>
        path.StartsWithSegments("/lib") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/favicon.ico");
}
