using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Panah.Data.Crypto;
using Panah.Data.Entities;

namespace Panah.Data.Staff;

/// <summary>
/// Identity's store with its tokens (the authenticator key, recovery codes) sealed with the master key:
/// a copy of the database alone cannot compute anyone's sign-in codes. Sealed here rather than by an EF
/// value converter because EF caches one model for every context, and so would share one key between
/// databases that each have their own.
/// </summary>
public sealed class SealedTokenUserStore(PanahDbContext db, KeyRing keys, IdentityErrorDescriber? describer = null)
    : UserStore<StaffUser, IdentityRole, PanahDbContext>(db, describer)
{
    internal const string Prefix = "sealed1:";

    public override Task SetTokenAsync(StaffUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken = default) =>
        base.SetTokenAsync(user, loginProvider, name, value is null ? null : Seal(user, loginProvider, name, value), cancellationToken);

    public override async Task<string?> GetTokenAsync(StaffUser user, string loginProvider, string name, CancellationToken cancellationToken = default) =>
        await base.GetTokenAsync(user, loginProvider, name, cancellationToken) is { } stored ? Open(user, loginProvider, name, stored) : null;

    private string Seal(StaffUser user, string loginProvider, string name, string value) =>
        Prefix + Convert.ToBase64String(keys.SealSecret(Encoding.UTF8.GetBytes(value), Purpose(user.Id, loginProvider, name)));

    private string Open(StaffUser user, string loginProvider, string name, string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"A {name} token of an account is not sealed; it was written by something other than Panah.");
        }
        return Encoding.UTF8.GetString(keys.OpenSecret(Convert.FromBase64String(stored[Prefix.Length..]), Purpose(user.Id, loginProvider, name)));
    }

    // Bound to the account and the token's name: a sealed value copied to another row does not open.
    internal static string Purpose(string userId, string loginProvider, string name) => $"panah/staff-token/{loginProvider}/{name}/{userId}";
}

public static class SealedTokenStores
{
    /// <summary>Identity's EF stores on <see cref="PanahDbContext"/>, with tokens sealed (see <see cref="SealedTokenUserStore"/>).</summary>
    public static IdentityBuilder AddPanahStores(this IdentityBuilder identity)
    {
        identity.AddEntityFrameworkStores<PanahDbContext>();
        identity.Services.Replace(ServiceDescriptor.Scoped<IUserStore<StaffUser>, SealedTokenUserStore>());
        return identity;
    }
}
