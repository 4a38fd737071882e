using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Crypto;
using Panah.Data.Keys;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Keys;

/// <summary>Every value an app's database keeps sealed under the master key, read straight from the tables.</summary>
public static class SealedState
{
    /// <summary>A sealed value, and how Panah opens one of its kind.</summary>
    public sealed record Sealed(string Kind, byte[] Value, Func<KeyRing, byte[]> OpenWith);

    public static async Task<List<Sealed>> ReadAsync(PanahApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var all = new List<Sealed>();
        foreach (var key in await db.DataKeys.Where(k => k.Wrapped != null).ToListAsync())
        {
            all.Add(new Sealed("data key", key.Wrapped!, k => k.Unwrap(key.Wrapped!, key.Id.ToByteArray())));
        }
        foreach (var token in await db.UserTokens.Where(t => t.Value != null).ToListAsync())
        {
            all.Add(Secret("staff token", Convert.FromBase64String(token.Value![SealedTokenUserStore.Prefix.Length..]), SealedTokenUserStore.Purpose(token.UserId, token.LoginProvider, token.Name)));
        }
        foreach (var secret in await db.RootSecrets.ToListAsync())
        {
            all.Add(Secret("root secret", secret.Sealed, RootSecrets.PurposeOf(secret.Name)));
        }
        foreach (var xml in await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync())
        {
            all.AddRange(XElement.Parse(xml).Descendants(CookieKeySeal.Element)
                .Select(e => Secret("cookie key", Convert.FromBase64String(e.Element("value")!.Value), CookieKeySeal.Purpose)));
        }
        return all;
    }

    private static Sealed Secret(string kind, byte[] value, string purpose) => new(kind, value, k => k.OpenSecret(value, purpose));
}
