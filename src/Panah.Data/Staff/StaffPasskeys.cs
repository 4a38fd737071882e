using Microsoft.AspNetCore.Identity;
using Panah.Data.Audit;
using Panah.Data.Entities;

namespace Panah.Data.Staff;

/// <summary>A passkey as the account page shows it: no key material, only what tells one from another.</summary>
public sealed record PasskeyView(string Id, string Name, DateTimeOffset CreatedAt);

/// <summary>
/// A staff member's passkeys (WebAuthn credentials), their second factor beside TOTP. Adding or removing
/// one renews the security stamp, so every other session of the account ends, and is audited.
/// </summary>
public sealed class StaffPasskeys(UserManager<StaffUser> users, PanahDbContext db, AuditLog audit)
{
    public const int MaxNameLength = 60;

    public async Task<IReadOnlyList<PasskeyView>> ListAsync(StaffUser user) =>
        (await users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyView(IdOf(p.CredentialId), p.Name ?? "", p.CreatedAt))
            .ToList();

    /// <summary>Stores a passkey that attestation accepted for <paramref name="user"/>, under the name its holder gave it.</summary>
    public async Task AddAsync(StaffUser user, UserPasskeyInfo passkey, string name)
    {
        passkey.Name = name.Trim();
        Check(await users.AddOrUpdatePasskeyAsync(user, passkey));
        Check(await users.UpdateSecurityStampAsync(user));
        await audit.SaveAsync(db, new AuditEvent("staff.passkey-add", "staff", user.Id));
    }

    /// <summary>Removes one of <paramref name="user"/>'s own passkeys; false when they have none with that id.</summary>
    public async Task<bool> RemoveAsync(StaffUser user, string id)
    {
        if (CredentialIdOf(id) is not { } credentialId || await users.GetPasskeyAsync(user, credentialId) is null)
        {
            return false;
        }
        Check(await users.RemovePasskeyAsync(user, credentialId));
        Check(await users.UpdateSecurityStampAsync(user));
        await audit.SaveAsync(db, new AuditEvent("staff.passkey-remove", "staff", user.Id));
        return true;
    }

    /// <summary>A credential id as it travels in a form: base64url, as WebAuthn writes it.</summary>
    public static string IdOf(byte[] credentialId) => Convert.ToBase64String(credentialId).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? CredentialIdOf(string id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 1400)
        {
            return null;
        }
        var base64 = id.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - base64.Length % 4) % 4);
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var written) ? bytes[..written] : null;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
