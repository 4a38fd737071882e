using System.Security.Claims;
using Panah.Data.Access;

namespace Panah.Web.Infrastructure;

/// <summary>
/// Builds the request's <see cref="AccessScope"/> once the staff member is known (after authentication, before
/// any page or endpoint reads): from their role, assignments and unexpired grants, read fresh from the database
/// on every request, so a new assignment or an expired break-glass grant counts at once on every app node.
/// A request without a 2FA-verified staff member keeps the empty scope.
/// </summary>
public static class AccessScopeMiddleware
{
    public static IApplicationBuilder UseAccessScope(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && user.HasClaim(Policies.MfaClaim, Policies.MfaValue)
            && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id)
        {
            var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct().ToList();
            await context.RequestServices.GetRequiredService<AccessScopes>().LoadAsync(id, roles, context.RequestAborted);
        }
        await next(context);
    });
}
