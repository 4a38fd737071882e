using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Panah.Data.Entities;

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

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var clock = services.GetRequiredService<TimeProvider>();
        var principal = context.Principal!;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
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
