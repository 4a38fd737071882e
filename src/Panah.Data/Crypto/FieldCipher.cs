using System.Security.Cryptography;

namespace Panah.Data.Crypto;

/// <summary>
/// AES-256-GCM envelope encryption. Each person or household has its own data key, stored only
/// wrapped by the master wrap key; destroying the wrapped key makes that record unreadable for good
/// (crypto-shredding), in the live database and in every backup.
/// Layout of a sealed value: version byte (1) | nonce (12) | tag (16) | ciphertext.
/// </summary>
public sealed class FieldCipher(KeyRing keys)
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int Header = 1 + NonceSize + TagSize;

    /// <summary>A fresh random 256-bit data key.</summary>
    public static byte[] NewDataKey() => RandomNumberGenerator.GetBytes(32);

    /// <summary>Wraps a data key under the master wrap key, bound to its id.</summary>
    public byte[] Wrap(byte[] dataKey, Guid keyId) => Seal(keys.WrapKey, dataKey, keyId.ToByteArray());

    public byte[] Unwrap(byte[] wrapped, Guid keyId) => Open(keys.WrapKey, wrapped, keyId.ToByteArray());

    /// <summary>Encrypts <paramref name="plaintext"/>; <paramref name="context"/> (e.g. the record id and field) is authenticated, so a value cannot be moved to another row.</summary>
    public static byte[] Seal(byte[] key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> context)
    {
        var output = new byte[Header + plaintext.Length];
        output[0] = Version;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(Header), output.AsSpan(1 + NonceSize, TagSize), context);
        return output;
    }

    public static byte[] Open(byte[] key, ReadOnlySpan<byte> sealedValue, ReadOnlySpan<byte> context)
    {
        if (sealedValue.Length < Header || sealedValue[0] != Version)
        {
            throw new CryptographicException("Not a sealed value of a known version.");
        }
        var plaintext = new byte[sealedValue.Length - Header];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedValue.Slice(1, NonceSize), sealedValue[Header..], sealedValue.Slice(1 + NonceSize, TagSize), plaintext, context);
        return plaintext;
    }
}
