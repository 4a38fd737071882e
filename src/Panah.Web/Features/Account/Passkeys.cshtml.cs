using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Panah.Data.Entities;
using Panah.Data.Staff;
using Panah.Web.Infrastructure;

namespace Panah.Web.Features.Account;

/// <summary>
/// A signed-in person's own passkeys: add one (a security key, a phone, the computer's own), remove one.
/// Either renews the security stamp, so every other session of the account ends; this one is renewed.
/// </summary>
[EnableRateLimiting(RateLimits.Login)]
public sealed class PasskeysModel(UserManager<StaffUser> users, StaffSignInManager signIn, StaffPasskeys passkeys, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class AddInput
    {
        [Required, StringLength(StaffPasskeys.MaxNameLength), PlainText]
        public string Name { get; set; } = "";

        [Required, StringLength(PasskeyCredential.MaxJsonLength)]
        public string CredentialJson { get; set; } = "";
    }

    [BindProperty]
    public AddInput Input { get; set; } = new();

    public IReadOnlyList<PasskeyView> Passkeys { get; private set; } = [];

    /// <summary>What the last post did, for the message above the list.</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await ShowAsync();

    /// <summary>The options for <c>navigator.credentials.create</c>: a fresh challenge, this account, its passkeys excluded.</summary>
    public async Task<IActionResult> OnPostOptionsAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        var entity = new PasskeyUserEntity { Id = user.Id, Name = user.Email ?? user.Id, DisplayName = user.DisplayName ?? user.Email ?? user.Id };
        return Content(await signIn.MakePasskeyCreationOptionsAsync(entity), "application/json");
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (!ModelState.IsValid)
        {
            return await ShowAsync();
        }
        var attestation = await signIn.PerformPasskeyAttestationAsync(Input.CredentialJson);
        // The ceremony was started by this browser's session: it must be this account's, not one signed in here before.
        if (!attestation.Succeeded || attestation.UserEntity?.Id != user.Id)
        {
            ModelState.AddModelError("", l["The passkey was not added. Try again."]);
            return await ShowAsync();
        }
        await passkeys.AddAsync(user, attestation.Passkey!, Input.Name);
        await signIn.RenewSessionAsync(user, User);
        Input = new();
        return await ShowAsync("added");
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        ModelState.Clear();
        if (!await passkeys.RemoveAsync(user, id ?? ""))
        {
            return NotFound();
        }
        await signIn.RenewSessionAsync(user, User);
        return await ShowAsync("removed");
    }

    private async Task<IActionResult> ShowAsync(string? done = null)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        Passkeys = await passkeys.ListAsync(user);
        Done = done;
        return Page();
    }
}
