using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Panah.Data.Entities;

namespace Panah.Web.Infrastructure;

/// <summary>
/// Identity's sign-in with three additions: every session records when it began (for the absolute
/// lifetime) and that a person opened it interactively (admin pages need that; tokens never have it),
/// and a disabled or service account cannot sign in at all. Passkeys: see the other part of this class.
/// </summary>
public sealed partial class StaffSignInManager(
    UserManager<StaffUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<StaffUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffUser> confirmation,
    TimeProvider clock,
    IPasskeyHandler<StaffUser> passkeys)
    : SignInManager<StaffUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public const string AuthTimeClaim = "auth_time";

    public override Task SignInWithClaimsAsync(StaffUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        var claims = additionalClaims.ToList();
        // A session renewed after a password change keeps its start, so it still ends at the absolute lifetime.
        if (!claims.Exists(c => c.Type == AuthTimeClaim))
        {
            claims.Add(new Claim(AuthTimeClaim, clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        }
        claims.Add(new Claim(Policies.SessionClaim, Policies.InteractiveValue));
        return base.SignInWithClaimsAsync(user, authenticationProperties, claims);
    }

    /// <summary>
    /// This session again after its account's security stamp changed (which ended every other session):
    /// same second factor and same start, so it still ends at the absolute lifetime.
    /// </summary>
    public Task RenewSessionAsync(StaffUser user, ClaimsPrincipal current) =>
        SignInWithClaimsAsync(user, isPersistent: false, current.Claims.Where(c => c.Type is Policies.MfaClaim or AuthTimeClaim).Select(c => new Claim(c.Type, c.Value)));

    public override async Task<bool> CanSignInAsync(StaffUser user) => !user.IsDisabled && !user.IsServiceAccount && await base.CanSignInAsync(user);
}
