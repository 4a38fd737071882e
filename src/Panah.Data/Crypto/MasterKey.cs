using System.Security.Cryptography;
using System.Text;

namespace Panah.Data.Crypto;

/// <summary>
/// One master key as the ring holds it: never the key itself, only what HKDF derives from it — a public
/// id that sealed values carry so a reader knows which key to use, the key that wraps data keys, and the
/// key that seals other secrets.
/// </summary>
internal sealed class MasterKey
{
    public const int IdSize = 8;

    private MasterKey(ReadOnlySpan<byte> master)
    {
        IdBytes = Derive(master, "panah/master-key-id/v1", IdSize);
        Id = Convert.ToHexStringLower(IdBytes);
        WrapKey = Derive(master, "panah/wrap/v1", 32);
        SecretsKey = Derive(master, "panah/secrets-at-rest/v1", 32);
        DerivedBlindIndexKey = Derive(master, "panah/blind-index/v1", 32);
        DerivedAuditKey = Derive(master, "panah/audit/v1", 32);
    }

    /// <summary>Names the key in sealed values, the key file's notes and the CLI's messages; reveals nothing of it.</summary>
    public string Id { get; }

    public byte[] IdBytes { get; }

    public byte[] WrapKey { get; }

    public byte[] SecretsKey { get; }

    /// <summary>
    /// What the blind-index and audit keys were before they became root secrets of their own: an
    /// installation from before then keeps them (see <see cref="Keys.RootSecrets"/>), so its search tokens
    /// and audit chain stay valid.
    /// </summary>
    public byte[] DerivedBlindIndexKey { get; }

    public byte[] DerivedAuditKey { get; }

    public static MasterKey From(byte[] master)
    {
        if (master.Length != 32)
        {
            throw new InvalidOperationException("A master key must be 32 bytes (256 bits).");
        }
        try
        {
            return new MasterKey(master);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(master);
        }
    }

    private static byte[] Derive(ReadOnlySpan<byte> master, string purpose, int length)
    {
        var output = new byte[length];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, master, output, salt: [], info: Encoding.UTF8.GetBytes(purpose));
        return output;
    }
}
