using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Panah.Core.Access;
using Panah.Data.Audit;
using Panah.Data.Entities;

namespace Panah.Data.Staff;

/// <summary>
/// A new account and, for a person, the single-use code they redeem to choose their own password
/// (null for a service account). Nobody but the account's holder ever knows its password or TOTP key.
/// </summary>
public sealed record NewStaffAccount(StaffUser User, string? EnrolmentCode);

/// <summary>Refused because it would leave Panah without an enabled administrator.</summary>
public sealed class LastAdministratorException() : InvalidOperationException("Panah needs at least one enabled administrator.");

/// <summary>Creates, enrols, disables and enables staff accounts, for the admin pages and the CLI alike.</summary>
public sealed partial class StaffAccounts(UserManager<StaffUser> users, PanahDbContext db, AuditLog audit, TimeProvider clock, StaffOptions options)
{
    /// <summary>
    /// Creates a person's account with an enrolment code (shown once, stored hashed), or with
    /// <paramref name="service"/> an integration's account that has no password and holds API tokens only.
    /// </summary>
    /// <remarks>
    /// <paramref name="offices"/> (field office codes) and <paramref name="programmes"/> are the account's scope
    /// (see <see cref="Access.AccessScope"/>); without an office the account reads no registry record.
    /// </remarks>
    public async Task<NewStaffAccount> CreateAsync(
        string email, string role, string? displayName = null, bool service = false, IReadOnlyCollection<string>? offices = null, IReadOnlyCollection<Programme>? programmes = null)
    {
        if (displayName is not null && !Panah.Core.PlainText.IsAllowed(displayName))
        {
            throw new ArgumentException("A display name cannot hold control or invisible formatting characters.", nameof(displayName));
        }
        var parsedRole = Roles.Parse(role) ?? throw new ArgumentException($"Unknown role '{role}'. Roles: {string.Join(", ", Roles.All)}.", nameof(role));
        var officeIds = await OfficeIdsAsync(offices ?? []);
        var user = new StaffUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAt = clock.GetUtcNow(),
            IsServiceAccount = service,
        };
        var code = service ? null : NewPassword();
        if (code is not null)
        {
            user.EnrolmentCodeHash = HashOf(code);
            user.EnrolmentCodeExpiresAt = clock.GetUtcNow().AddHours(options.EnrolmentHours);
        }
        Check(await users.CreateAsync(user));
        Check(await users.AddToRoleAsync(user, parsedRole));
        AddScope(user.Id, officeIds, programmes ?? []);
        await audit.SaveAsync(db, new AuditEvent("staff.create", "staff", user.Id, $"role={parsedRole}{(service ? " service" : "")} {ScopeDetail(officeIds, programmes ?? [])}"));
        return new NewStaffAccount(user, code);
    }

    /// <summary>
    /// Redeems an enrolment code: the account gets <paramref name="password"/> and the code is gone.
    /// Null when the code is unknown, used or expired; Identity's errors when the password is refused.
    /// </summary>
    public async Task<(StaffUser? User, IdentityResult Result)> RedeemEnrolmentAsync(string code, string password)
    {
        var hash = HashOf(code.Trim());
        var user = await users.Users.FirstOrDefaultAsync(u => u.EnrolmentCodeHash == hash);
        if (user is null || user.IsDisabled || user.IsServiceAccount || user.EnrolmentCodeExpiresAt is not { } expires || expires <= clock.GetUtcNow())
        {
            return (null, IdentityResult.Failed());
        }
        foreach (var validator in users.PasswordValidators)
        {
            var refused = await validator.ValidateAsync(users, user, password);
            if (!refused.Succeeded)
            {
                return (user, refused);
            }
        }
        user.EnrolmentCodeHash = null;
        user.EnrolmentCodeExpiresAt = null;
        // Adding the password saves the cleared code in the same update; the concurrency stamp lets one of two racing redemptions win.
        var result = await users.AddPasswordAsync(user, password);
        if (!result.Succeeded)
        {
            return (null, result);
        }
        await audit.SaveAsync(db, new AuditEvent("staff.enrol", "staff", user.Id));
        return (user, result);
    }

    /// <summary>
    /// A fresh enrolment code for a person who has not enrolled yet (their code expired or was lost).
    /// Any password and authenticator key set since are dropped, so whoever redeemed the old code loses the account.
    /// </summary>
    public async Task<NewStaffAccount> NewEnrolmentCodeAsync(StaffUser user)
    {
        if (user.IsServiceAccount || user.TwoFactorEnabled)
        {
            throw new InvalidOperationException("Only an account that has not enrolled yet gets a new enrolment code.");
        }
        if (await users.HasPasswordAsync(user))
        {
            Check(await users.RemovePasswordAsync(user));
        }
        Check(await users.ResetAuthenticatorKeyAsync(user));
        var code = NewPassword();
        user.EnrolmentCodeHash = HashOf(code);
        user.EnrolmentCodeExpiresAt = clock.GetUtcNow().AddHours(options.EnrolmentHours);
        Check(await users.UpdateSecurityStampAsync(user));
        await audit.SaveAsync(db, new AuditEvent("staff.enrolment-code", "staff", user.Id));
        return new NewStaffAccount(user, code);
    }

    /// <summary>Disables the account and ends its sessions and tokens at once (the session check sees the new security stamp).</summary>
    public async Task SetDisabledAsync(StaffUser user, bool disabled)
    {
        if (disabled && await IsLastAdministratorAsync(user))
        {
            throw new LastAdministratorException();
        }
        user.IsDisabled = disabled;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        await audit.SaveAsync(db, new AuditEvent(disabled ? "staff.disable" : "staff.enable", "staff", user.Id));
    }

    /// <summary>Gives the account one role instead of its current ones; every session of the account ends.</summary>
    public async Task SetRoleAsync(StaffUser user, string role)
    {
        var parsed = Roles.Parse(role) ?? throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        if (parsed != Roles.Administrator && await IsLastAdministratorAsync(user))
        {
            throw new LastAdministratorException();
        }
        Check(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)));
        Check(await users.AddToRoleAsync(user, parsed));
        Check(await users.UpdateSecurityStampAsync(user));
        await audit.SaveAsync(db, new AuditEvent("staff.role", "staff", user.Id, $"role={parsed}"));
    }

    /// <summary>True when <paramref name="user"/> is the only enabled person (not service account) who can administer Panah.</summary>
    public async Task<bool> IsLastAdministratorAsync(StaffUser user)
    {
        if (user.IsDisabled || user.IsServiceAccount || !await users.IsInRoleAsync(user, Roles.Administrator))
        {
            return false;
        }
        return !(await users.GetUsersInRoleAsync(Roles.Administrator)).Any(u => u.Id != user.Id && !u.IsDisabled && !u.IsServiceAccount);
    }

    public Task<List<StaffUser>> ListAsync() => users.Users.OrderBy(u => u.Email).ToListAsync();

    /// <summary>20 characters from an unambiguous alphabet: about 110 bits.</summary>
    public static string NewPassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(20, alphabet, (span, a) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = a[RandomNumberGenerator.GetInt32(a.Length)];
            }
        });
    }

    // The code has 110 random bits, so a plain hash is enough: nobody can search that space.
    private static byte[] HashOf(string code) => SHA256.HashData(Encoding.UTF8.GetBytes(code));

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
