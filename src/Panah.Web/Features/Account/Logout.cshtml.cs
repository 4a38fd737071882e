using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Panah.Data.Entities;

namespace Panah.Web.Features.Account;

/// <summary>
/// Signing out ends the session on the server, not only in this browser: a new security stamp makes
/// every cookie of the account worthless (a copied cookie too), and the browser is told to drop its
/// cookies, storage and cached pages.
/// </summary>
public sealed class LogoutModel(SignInManager<StaffUser> signIn, UserManager<StaffUser> users) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        Response.Headers["Clear-Site-Data"] = "\"cache\", \"cookies\", \"storage\"";
        return RedirectToPage();
    }
}
