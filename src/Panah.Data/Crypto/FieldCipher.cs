using System.Security.Cryptography;

namespace Panah.Data.Crypto;

/// <summary>
/// AES-256-GCM envelope encryption. Each person or household has its own data key, stored only
/// wrapped under the master key (<see cref="KeyRing.Wrap"/>); destroying the wrapped key makes that record
/// unreadable for good (crypto-shredding), in the live database and in every backup.
/// Layout of a sealed value: version byte (1) | nonce (12) | tag (16) | ciphertext.
/// </summary>
public sealed class FieldCipher(KeyRing keys)
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>A fresh random 256-bit data key.</summary>
    public static byte[] NewDataKey() => RandomNumberGenerator.GetBytes(32);

    /// <summary>Wraps a data key under the current master key, bound to its id.</summary>
    public byte[] Wrap(byte[] dataKey, Guid keyId) => keys.Wrap(dataKey, keyId.ToByteArray());

    public byte[] Unwrap(byte[] wrapped, Guid keyId) => keys.Unwrap(wrapped, keyId.ToByteArray());

    /// <summary>Encrypts <paramref name="plaintext"/>; <paramref name="context"/> (e.g. the record id and field) is authenticated, so a value cannot be moved to another row.</summary>
    public static byte[] Seal(byte[] key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> context) => Seal(key, plaintext, context, [Version]);

    public static byte[] Open(byte[] key, ReadOnlySpan<byte> sealedValue, ReadOnlySpan<byte> context)
    {
        if (sealedValue.Length < 1 || sealedValue[0] != Version)
        {
            throw new CryptographicException("Not a sealed value of a known version.");
        }
        return OpenBody(key, sealedValue[1..], context);
    }

    /// <summary>Seals as <paramref name="header"/> | nonce | tag | ciphertext (the header says how to open it, see <see cref="KeyRing"/>).</summary>
    internal static byte[] Seal(byte[] key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> context, ReadOnlySpan<byte> header)
    {
        var output = new byte[header.Length + NonceSize + TagSize + plaintext.Length];
        header.CopyTo(output);
        var body = output.AsSpan(header.Length);
        var nonce = body[..NonceSize];
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, body[(NonceSize + TagSize)..], body.Slice(NonceSize, TagSize), context);
        return output;
    }

    /// <summary>Opens nonce | tag | ciphertext, the part of a sealed value after its header.</summary>
    internal static byte[] OpenBody(byte[] key, ReadOnlySpan<byte> body, ReadOnlySpan<byte> context)
    {
        if (body.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("A sealed value too short to hold its nonce and tag.");
        }
        var plaintext = new byte[body.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(body[..NonceSize], body[(NonceSize + TagSize)..], body.Slice(NonceSize, TagSize), plaintext, context);
        return plaintext;
    }
}
