using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Panah.Data;

namespace Panah.Web.Infrastructure;

/// <summary>
/// Checks a staff session on every request: the account still exists, is enabled, its security stamp
/// is unchanged (a password, role or 2FA change ends every session), and the session is younger than
/// the absolute lifetime. Idle timeout is the cookie's sliding expiry.
/// </summary>
public static class StaffSessionValidator
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(20);
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(8);

    /// <summary>What the check needs of the account, read on every request: a compiled query, with no entity tracked.</summary>
    private sealed record Account(bool IsDisabled, string? SecurityStamp);

    /// <summary>Compiled per model: a compiled query serves one model only, and one process may hold two (SQLite and PostgreSQL in the tests).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Microsoft.EntityFrameworkCore.Metadata.IModel, Func<PanahDbContext, string, CancellationToken, Task<Account?>>> AccountQueries = new();

    private static Func<PanahDbContext, string, CancellationToken, Task<Account?>> AccountOf(PanahDbContext db) => AccountQueries.GetOrAdd(db.Model, _ => EF.CompileAsyncQuery(
        (PanahDbContext c, string id, CancellationToken ct) => c.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new Account(u.IsDisabled, u.SecurityStamp)).FirstOrDefault()));

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var clock = services.GetRequiredService<TimeProvider>();
        var principal = context.Principal!;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var db = services.GetRequiredService<PanahDbContext>();
        var user = userId is null ? null : await AccountOf(db)(db, userId, context.HttpContext.RequestAborted);
        var stamp = principal.FindFirstValue(new ClaimsIdentityOptions().SecurityStampClaimType);
        var started = long.TryParse(principal.FindFirstValue(StaffSignInManager.AuthTimeClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? DateTimeOffset.FromUnixTimeSeconds(s)
            : DateTimeOffset.MinValue;
        if (user is null || user.IsDisabled || stamp != user.SecurityStamp || clock.GetUtcNow() - started > AbsoluteLifetime)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
