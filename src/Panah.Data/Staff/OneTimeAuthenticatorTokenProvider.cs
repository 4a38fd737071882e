using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Panah.Data.Entities;

namespace Panah.Data.Staff;

/// <summary>
/// Authenticator (TOTP) codes as Identity checks them, with one addition: each code is accepted once.
/// A code phished or read over a shoulder cannot open a second session within its 30 seconds.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(TimeProvider clock) : AuthenticatorTokenProvider<StaffUser>
{
    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6)
        {
            return false;
        }
        var now = Totp.Step(clock.GetUtcNow());
        // One step either side tolerates clock drift, as authenticator apps expect.
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (step > user.LastTotpStep && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Totp.CodeAt(key, step)), Encoding.ASCII.GetBytes(token)))
            {
                user.LastTotpStep = step;
                // The concurrency stamp makes two sign-ins racing with the same code succeed at most once.
                return (await manager.UpdateAsync(user)).Succeeded;
            }
        }
        return false;
    }
}
