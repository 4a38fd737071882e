using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Panah.Data.Crypto;

namespace Panah.Data.Keys;

/// <summary>
/// Keys that must not change while the data they key lives: the blind-index key (every search token was
/// computed with it) and the audit key (the whole chain is). They are random secrets of their own, stored
/// in the database sealed under the master key, so rotating the master key only re-seals them. An
/// installation that already holds data from before they were stored keeps the values it derived from its
/// first master key, so its search tokens and audit chain stay valid.
/// </summary>
public static class RootSecrets
{
    public const string BlindIndex = "blind-index";
    public const string AuditChain = "audit-chain";

    /// <summary>Keys the MAC of food cards' QR tokens: a card printed under it must still scan after a master key rotation.</summary>
    public const string CardSigning = "card-signing";

    private static readonly string[] Names = [BlindIndex, AuditChain, CardSigning];

    public static string PurposeOf(string name) => "panah/root-secret/" + name;

    /// <summary>Reads the root secrets into <paramref name="keys"/>, storing them first if this database has none yet.</summary>
    public static async Task LoadAsync(PanahDbContext db, KeyRing keys, CancellationToken ct = default)
    {
        var stored = await ReadAsync(db, keys, ct);
        if (Names.Any(n => !stored.ContainsKey(n)))
        {
            var existing = await db.DataKeys.AnyAsync(ct) || await db.AuditEntries.AnyAsync(ct) || await db.SearchTokens.AnyAsync(ct);
            foreach (var name in Names.Where(n => !stored.ContainsKey(n)))
            {
                // The card-signing key is new whatever the data: no card was signed before it was stored.
                var value = !existing || name == CardSigning ? RandomNumberGenerator.GetBytes(32)
                    : name == BlindIndex ? keys.FirstKey.DerivedBlindIndexKey : keys.FirstKey.DerivedAuditKey;
                db.RootSecrets.Add(new RootSecret { Name = name, Sealed = keys.SealSecret(value, PurposeOf(name)) });
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node starting on the same database stored them first: use its.
                db.ChangeTracker.Clear();
            }
            stored = await ReadAsync(db, keys, ct);
        }
        keys.UseRootSecrets(stored[BlindIndex], stored[AuditChain], stored[CardSigning]);
    }

    private static async Task<Dictionary<string, byte[]>> ReadAsync(PanahDbContext db, KeyRing keys, CancellationToken ct) =>
        (await db.RootSecrets.AsNoTracking().ToListAsync(ct)).ToDictionary(r => r.Name, r => keys.OpenSecret(r.Sealed, PurposeOf(r.Name)));
}
