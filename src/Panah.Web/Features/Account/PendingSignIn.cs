using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Panah.Data.Entities;

namespace Panah.Web.Features.Account;

/// <summary>
/// A password proved but no session yet: a short-lived cookie naming the account that only the code
/// pages read (Identity's two-factor cookie). The code decides whether a session opens.
/// </summary>
public static class PendingSignIn
{
    /// <summary>Remembers <paramref name="user"/> and sends them to their code page: enrolment first, if they have not enrolled.</summary>
    public static async Task<RedirectToPageResult> StartAsync(HttpContext context, StaffUser user, string? returnUrl)
    {
        var pending = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        pending.AddClaim(new Claim(ClaimTypes.Name, user.Id));
        await context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(pending));
        return new RedirectToPageResult(user.TwoFactorEnabled ? "LoginTotp" : "EnrollTotp", new { ReturnUrl = returnUrl });
    }
}
