using Microsoft.AspNetCore.Identity;
using Panah.Data.Entities;
using Panah.Data.Staff;

namespace Panah.Web.Infrastructure;

/// <summary>
/// Only in a data directory that <c>--demo</c> created and marked (<see cref="DemoData"/>), and only for
/// the synthetic demo accounts (<c>@demo.panah.invalid</c>), shows the current authenticator code so a
/// newcomer can sign in without installing an app. Real accounts never get a hint.
/// </summary>
public sealed class DemoHints(DemoData demo, UserManager<StaffUser> users, TimeProvider clock)
{
    public const string DemoDomain = "@demo.panah.invalid";

    public async Task<string?> CurrentCodeAsync(StaffUser user)
    {
        if (!demo.IsMarked || user.Email?.EndsWith(DemoDomain, StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        return key is null ? null : Totp.Code(key, clock.GetUtcNow());
    }
}
