using Microsoft.EntityFrameworkCore;
using Panah.Data;

namespace Panah.Web.Infrastructure;

public static class PlatformEndpoints
{
    /// <summary>
    /// <c>/healthz</c> (ready: 200 when the database answers, else 503), <c>/healthz/live</c> (alive: the process
    /// answers, nothing else asked, for an orchestrator's liveness probe and as the trivial baseline of load tests)
    /// and the OpenAPI document.
    /// </summary>
    public static IEndpointRouteBuilder MapPanahPlatformEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (PanahDbContext db, CancellationToken ct) =>
                await db.Database.CanConnectAsync(ct) && await db.FieldOffices.AnyAsync(ct)
                    ? Results.Text("ok")
                    : Results.Text("database unreachable", statusCode: StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapGet("/healthz/live", () => Results.Text("ok")).AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Policies.Staff);
        return app;
    }
}
