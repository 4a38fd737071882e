using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Panah.Data.Entities;

namespace Panah.Web.Infrastructure;

/// <summary>
/// Passkeys as a second factor. Identity keeps a passkey ceremony's state (its challenge) in the
/// two-factor cookie and replaces whatever that cookie held, which would end the pending sign-in the
/// passkey is meant to complete; here the state is added beside the pending account instead, used
/// once, and the cookie keeps its original expiry.
/// </summary>
public sealed partial class StaffSignInManager
{
    private const string OperationItem = "panah.passkey.operation";
    private const string StateItem = "panah.passkey.state";
    private const string Attestation = "attestation";
    private const string Assertion = "assertion";

    public override async Task<string> MakePasskeyCreationOptionsAsync(PasskeyUserEntity userEntity)
    {
        var result = await passkeys.MakeCreationOptionsAsync(userEntity, Context);
        await KeepStateAsync(Attestation, result.AttestationState);
        return result.CreationOptionsJson;
    }

    public override async Task<string> MakePasskeyRequestOptionsAsync(StaffUser? user)
    {
        var result = await passkeys.MakeRequestOptionsAsync(user, Context);
        await KeepStateAsync(Assertion, result.AssertionState);
        return result.RequestOptionsJson;
    }

    public override async Task<PasskeyAttestationResult> PerformPasskeyAttestationAsync(string credentialJson) =>
        await TakeStateAsync(Attestation) is { } state
            ? await passkeys.PerformAttestationAsync(new PasskeyAttestationContext { CredentialJson = credentialJson, AttestationState = state, HttpContext = Context })
            : PasskeyAttestationResult.Fail(new PasskeyException("No passkey registration is under way."));

    public override async Task<PasskeyAssertionResult<StaffUser>> PerformPasskeyAssertionAsync(string credentialJson) =>
        await TakeStateAsync(Assertion) is { } state
            ? await passkeys.PerformAssertionAsync(new PasskeyAssertionContext { CredentialJson = credentialJson, AssertionState = state, HttpContext = Context })
            : PasskeyAssertionResult.Fail<StaffUser>(new PasskeyException("No passkey sign-in is under way."));

    /// <summary>
    /// Completes the pending sign-in (password already proved) with one of that same account's passkeys:
    /// the session then carries what a TOTP session carries. A failed assertion counts towards the lockout
    /// as a wrong code does. Never a sign-in without the password: with no pending sign-in nothing happens.
    /// </summary>
    public async Task<SignInResult> PasskeySecondFactorSignInAsync(StaffUser pending, string credentialJson)
    {
        if (await UserManager.IsLockedOutAsync(pending))
        {
            return SignInResult.LockedOut;
        }
        if (!await CanSignInAsync(pending))
        {
            return SignInResult.NotAllowed;
        }
        var assertion = await PerformPasskeyAssertionAsync(credentialJson);
        if (!assertion.Succeeded || assertion.User?.Id != pending.Id)
        {
            Logger.LogInformation("A passkey was refused as second factor of account {UserId}: {Reason}", pending.Id, assertion.Failure?.Message ?? "another account's passkey");
            await UserManager.AccessFailedAsync(pending);
            return await UserManager.IsLockedOutAsync(pending) ? SignInResult.LockedOut : SignInResult.Failed;
        }
        // The new signature counter: a cloned authenticator replaying an older count is refused next time.
        if (!(await UserManager.AddOrUpdatePasskeyAsync(pending, assertion.Passkey!)).Succeeded)
        {
            return SignInResult.Failed;
        }
        await UserManager.ResetAccessFailedCountAsync(pending);
        await Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await SignInWithClaimsAsync(pending, isPersistent: false, [new Claim(Policies.MfaClaim, Policies.MfaValue)]);
        return SignInResult.Success;
    }

    private async Task KeepStateAsync(string operation, string? state)
    {
        var current = await Context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        var principal = current.Principal ?? new ClaimsPrincipal(new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme));
        var properties = current.Properties ?? new AuthenticationProperties();
        properties.Items[OperationItem] = operation;
        properties.Items[StateItem] = state;
        await Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, principal, properties);
    }

    /// <summary>The ceremony's state, once: a second try needs new options (a new challenge).</summary>
    private async Task<string?> TakeStateAsync(string operation)
    {
        var current = await Context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (current.Principal is not { } principal || current.Properties is not { } properties)
        {
            return null;
        }
        properties.Items.TryGetValue(OperationItem, out var kept);
        properties.Items.TryGetValue(StateItem, out var state);
        properties.Items.Remove(OperationItem);
        properties.Items.Remove(StateItem);
        if (principal.Identity?.Name is null)
        {
            // Only the ceremony was kept here (a signed-in person adding a passkey): nothing else to keep.
            await Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        }
        else
        {
            await Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, principal, properties);
        }
        return kept == operation ? state : null;
    }
}
