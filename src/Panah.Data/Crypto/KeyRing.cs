using System.Security.Cryptography;
using System.Text;

namespace Panah.Data.Crypto;

/// <summary>
/// The master key and the purpose keys derived from it with HKDF. The master key never enters the
/// database: it comes from <c>PANAH_MASTER_KEY</c> (base64, 32 bytes) or from <c>master.key</c> in
/// the data directory, created on first run with owner-only permissions.
/// </summary>
public sealed class KeyRing
{
    public const string EnvironmentVariable = "PANAH_MASTER_KEY";
    public const string FileName = "master.key";

    private KeyRing(byte[] master)
    {
        WrapKey = Derive(master, "panah/wrap/v1");
        BlindIndexKey = Derive(master, "panah/blind-index/v1");
        AuditKey = Derive(master, "panah/audit/v1");
        SecretsKey = Derive(master, "panah/secrets-at-rest/v1");
        CryptographicOperations.ZeroMemory(master);
    }

    /// <summary>Wraps and unwraps per-record data keys.</summary>
    internal byte[] WrapKey { get; }

    /// <summary>Keys the HMAC of blind indexes.</summary>
    internal byte[] BlindIndexKey { get; }

    /// <summary>Keys the HMAC chain of the audit log.</summary>
    internal byte[] AuditKey { get; }

    /// <summary>Seals other secrets kept in the data directory (the web app's cookie-signing keys).</summary>
    private byte[] SecretsKey { get; }

    /// <summary>Encrypts a secret that must be stored beside the data, bound to <paramref name="purpose"/>.</summary>
    public byte[] SealSecret(ReadOnlySpan<byte> secret, string purpose) => FieldCipher.Seal(SecretsKey, secret, Encoding.UTF8.GetBytes(purpose));

    public byte[] OpenSecret(ReadOnlySpan<byte> sealedSecret, string purpose) => FieldCipher.Open(SecretsKey, sealedSecret, Encoding.UTF8.GetBytes(purpose));

    public static KeyRing FromMasterKey(byte[] master)
    {
        if (master.Length != 32)
        {
            throw new InvalidOperationException("The master key must be 32 bytes (256 bits).");
        }
        return new KeyRing((byte[])master.Clone());
    }

    /// <summary>Loads the master key from the environment or the data directory, creating it on first run.</summary>
    public static KeyRing Load(string dataDirectory, string? fromEnvironment)
    {
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(fromEnvironment.Trim());
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{EnvironmentVariable} is not valid base64.");
            }
            return FromMasterKey(bytes);
        }
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            CreateKeyFile(path);
        }
        else if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
            {
                throw new InvalidOperationException($"{path} is readable by other users; run: chmod 600 {path}");
            }
        }
        var text = File.ReadAllText(path).Trim();
        return FromMasterKey(Convert.FromBase64String(text));
    }

    private static void CreateKeyFile(string path)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        using var stream = OwnerOnlyFile.Open(path, FileMode.CreateNew);
        stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
        CryptographicOperations.ZeroMemory(key);
    }

    private static byte[] Derive(byte[] master, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, salt: [], info: Encoding.UTF8.GetBytes(purpose));
}
