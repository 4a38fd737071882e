using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Panah.Data.Staff;

/// <summary>RFC 6238 time-based one-time codes (SHA-1, 6 digits, 30 s), as authenticator apps compute them.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at) => CodeAt(base32Key, Step(at));

    /// <summary>The 30-second time step <paramref name="at"/> falls in.</summary>
    public static long Step(DateTimeOffset at) => at.ToUnixTimeSeconds() / 30;

    public static string CodeAt(string base32Key, long step)
    {
        var key = Base32Decode(base32Key);
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0f;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.Slice(offset, 4)) & 0x7fffffff;
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The <c>otpauth://</c> URI an authenticator app scans.</summary>
    public static string Uri(string issuer, string account, string base32Key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}?secret={base32Key}&issuer={System.Uri.EscapeDataString(issuer)}&digits=6&period=30";

    private static byte[] Base32Decode(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = input.TrimEnd('=').Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var output = new byte[clean.Length * 5 / 8];
        int buffer = 0, bits = 0, index = 0;
        foreach (var c in clean)
        {
            var value = alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException("Not a base-32 key.");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                output[index++] = (byte)(buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return output;
    }
}
