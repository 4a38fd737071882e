using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Panah.Data.Crypto;

namespace Panah.Data.Keys;

/// <summary>
/// The secret part of a cookie-signing (ASP.NET Core data protection) key as the web app stores it:
/// <c>&lt;sealedKey&gt;&lt;value&gt;base64&lt;/value&gt;&lt;/sealedKey&gt;</c>, sealed under the master key.
/// </summary>
public static class CookieKeySeal
{
    public const string Purpose = "panah/data-protection-keys";
    public const string Element = "sealedKey";

    public static XElement Seal(KeyRing keys, byte[] plaintext) =>
        new(Element, new XElement("value", Convert.ToBase64String(keys.SealSecret(plaintext, Purpose))));

    public static byte[] Open(KeyRing keys, XElement sealedKey) =>
        keys.OpenSecret(SealedValue(sealedKey), Purpose);

    /// <summary>A stored key's XML with every sealed part under the current master key; null when it already was.</summary>
    public static string? Reseal(KeyRing keys, string xml)
    {
        var document = XElement.Parse(xml);
        var stale = document.DescendantsAndSelf(Element).Where(e => !keys.IsSealedUnderCurrentKey(SealedValue(e))).ToList();
        foreach (var element in stale)
        {
            element.ReplaceWith(Seal(keys, Open(keys, element)));
        }
        return stale.Count == 0 ? null : document.ToString(SaveOptions.DisableFormatting);
    }

    private static byte[] SealedValue(XElement sealedKey) =>
        Convert.FromBase64String(sealedKey.Element("value")?.Value ?? throw new InvalidOperationException("Sealed key without a value."));
}

/// <summary>The web app's cookie-signing keys, kept in the database so that every node shares them.</summary>
public sealed class SealedCookieKeys : IMasterKeySealed
{
    public string Name => "cookie-signing keys";

    public Task<int> CountAsync(PanahDbContext db, CancellationToken ct) => db.DataProtectionKeys.CountAsync(ct);

    public async Task<ResealBatch> ResealAsync(PanahDbContext db, KeyRing keys, string? after, int batchSize, CancellationToken ct)
    {
        var from = after is null ? 0 : int.Parse(after, System.Globalization.CultureInfo.InvariantCulture);
        var rows = await db.DataProtectionKeys.AsNoTracking().Where(k => k.Id > from).OrderBy(k => k.Id).Take(batchSize).ToListAsync(ct);
        var resealed = 0;
        foreach (var row in rows)
        {
            if (row.Xml is { } xml && CookieKeySeal.Reseal(keys, xml) is { } value)
            {
                resealed += await db.DataProtectionKeys.Where(k => k.Id == row.Id && k.Xml == xml).ExecuteUpdateAsync(s => s.SetProperty(k => k.Xml, value), ct);
            }
        }
        return new ResealBatch(rows.Count, resealed, rows.Count < batchSize ? null : rows[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
