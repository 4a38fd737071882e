using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Panah.Data.Crypto;

namespace Panah.Data.Food;

/// <summary>
/// The QR code's payload: the card's id and a MAC under the card-signing root secret, base64url, nothing else.
/// It tells a finder nothing about the household and cannot be forged without the key; whether the card still
/// counts is read from the database at every lookup (no cache), so a revoked card fails at once.
/// </summary>
public sealed class CardTokens(PanahDbContext db, KeyRing keys)
{
    /// <summary>Version (1) | card id (16) | MAC (16): 44 characters, a small QR code.</summary>
    public const int Length = 44;

    private const byte TokenVersion = 1;
    private const int MacSize = 16;
    private static readonly byte[] Domain = "panah/food-card/v1"u8.ToArray();

    public string Sign(Guid cardId)
    {
        Span<byte> token = stackalloc byte[1 + 16 + MacSize];
        token[0] = TokenVersion;
        cardId.TryWriteBytes(token[1..17]);
        Mac(token[..17], token[17..]);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The card id a token was signed for, or null for anything not signed with this installation's key.</summary>
    public Guid? Read(string? token)
    {
        if (token is null || token.Length != Length)
        {
            return null;
        }
        Span<byte> bytes = stackalloc byte[1 + 16 + MacSize];
        if (!Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != bytes.Length || bytes[0] != TokenVersion)
        {
            return null;
        }
        Span<byte> expected = stackalloc byte[MacSize];
        Mac(bytes[..17], expected);
        return CryptographicOperations.FixedTimeEquals(expected, bytes[17..]) ? new Guid(bytes[1..17]) : null;
    }

    /// <summary>The active card (in the caller's scope) a token was signed for, or null: forged, revoked, or another office's.</summary>
    public async Task<FoodCard?> VerifyAsync(string? token, CancellationToken ct)
    {
        if (Read(token) is not { } id)
        {
            return null;
        }
        return await db.FoodCards.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.Status == CardStatus.Active, ct);
    }

    private void Mac(ReadOnlySpan<byte> message, Span<byte> mac)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, keys.CardSigningKey);
        hmac.AppendData(Domain);
        hmac.AppendData(message);
        Span<byte> full = stackalloc byte[32];
        hmac.GetHashAndReset(full);
        full[..MacSize].CopyTo(mac);
    }
}
