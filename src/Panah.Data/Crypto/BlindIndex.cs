using System.Security.Cryptography;
using System.Text;

namespace Panah.Data.Crypto;

/// <summary>What a blind-index token stands for.</summary>
public enum SearchKind : byte
{
    NamePart = 1,
    Phone = 2,
    Document = 3,

    /// <summary>A client's network address, as rate limits count it: an address is personal data and stays out of the database in clear.</summary>
    ClientAddress = 4,
    Email = 5,

    /// <summary>An imported submission's identity (Kobo's _uuid), so that importing it again is skipped.</summary>
    ImportSubmission = 6,
}

/// <summary>
/// Keyed HMAC-SHA256 of a normalised value, truncated to 128 bits. Without the key, the tokens in the
/// database cannot be tested against a list of names. Equal values give equal tokens, which is what
/// exact-match search needs.
/// </summary>
public sealed class BlindIndex(KeyRing keys)
{
    public const int Size = 16;

    public byte[] Token(SearchKind kind, string normalisedValue)
    {
        var input = Encoding.UTF8.GetBytes(normalisedValue);
        Span<byte> message = input.Length < 512 ? stackalloc byte[input.Length + 1] : new byte[input.Length + 1];
        message[0] = (byte)kind;
        input.CopyTo(message[1..]);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(keys.BlindIndexKey, message, mac);
        return mac[..Size].ToArray();
    }
}
