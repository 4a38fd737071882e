using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Panah.Data.Audit;
using Panah.Data.Entities;

namespace Panah.Data.Staff;

/// <summary>A new account: its one-time password and the authenticator URI to enrol.</summary>
public sealed record NewStaffAccount(StaffUser User, string Password, string AuthenticatorUri);

/// <summary>Creates, disables and enables staff accounts, for the admin pages and the CLI alike.</summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, PanahDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<NewStaffAccount> CreateAsync(string email, string role, string? displayName = null, int? fieldOfficeId = null)
    {
        if (displayName is not null && !Panah.Core.PlainText.IsAllowed(displayName))
        {
            throw new ArgumentException("A display name cannot hold control or invisible formatting characters.", nameof(displayName));
        }
        var parsedRole = Roles.Parse(role) ?? throw new ArgumentException($"Unknown role '{role}'. Roles: {string.Join(", ", Roles.All)}.", nameof(role));
        var user = new StaffUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = displayName,
            FieldOfficeId = fieldOfficeId,
            CreatedAt = clock.GetUtcNow(),
        };
        var password = NewPassword();
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, parsedRole));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        var key = await users.GetAuthenticatorKeyAsync(user);
        await audit.SaveAsync(db, new AuditEvent("staff.create", "staff", user.Id, $"role={parsedRole}"));
        return new NewStaffAccount(user, password, Totp.Uri("Panah", user.Email!, key!));
    }

    /// <summary>Disables the account and ends its sessions and tokens at once (the session check sees the new security stamp).</summary>
    public async Task SetDisabledAsync(StaffUser user, bool disabled)
    {
        user.IsDisabled = disabled;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        await audit.SaveAsync(db, new AuditEvent(disabled ? "staff.disable" : "staff.enable", "staff", user.Id));
    }

    /// <summary>Gives the account one role instead of its current ones; every session of the account ends.</summary>
    public async Task SetRoleAsync(StaffUser user, string role)
    {
        var parsed = Roles.Parse(role) ?? throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        Check(await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)));
        Check(await users.AddToRoleAsync(user, parsed));
        Check(await users.UpdateSecurityStampAsync(user));
        await audit.SaveAsync(db, new AuditEvent("staff.role", "staff", user.Id, $"role={parsed}"));
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

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
