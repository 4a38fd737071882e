using System.Security.Cryptography;
using System.Text;

namespace Panah.Data.Crypto;

/// <summary>
/// The master key and the purpose keys derived from it with HKDF. The master key never enters the
/// database: it comes from <c>PANAH_MASTER_KEY</c> (base64, 32 bytes) or from a key file
/// (<c>PANAH_KEY_FILE</c>, by default outside the data directory), created on first run with
/// owner-only permissions.
/// </summary>
public sealed class KeyRing
{
    public const string EnvironmentVariable = "PANAH_MASTER_KEY";
    public const string FileEnvironmentVariable = "PANAH_KEY_FILE";
    public const string FileName = "master.key";

    private KeyRing(byte[] master, string? keyFile)
    {
        KeyFile = keyFile;
        WrapKey = Derive(master, "panah/wrap/v1");
        BlindIndexKey = Derive(master, "panah/blind-index/v1");
        AuditKey = Derive(master, "panah/audit/v1");
        SecretsKey = Derive(master, "panah/secrets-at-rest/v1");
        CryptographicOperations.ZeroMemory(master);
    }

    /// <summary>The file the master key was read from; null when it came from <c>PANAH_MASTER_KEY</c>.</summary>
    public string? KeyFile { get; }

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
        return new KeyRing((byte[])master.Clone(), keyFile: null);
    }

    /// <summary>
    /// Where the key file lives when <c>PANAH_KEY_FILE</c> is not set: a <c>master.key</c> an earlier
    /// version left in the data directory, else the user's configuration directory
    /// (<c>$XDG_CONFIG_HOME</c> or <c>~/.config</c>), one folder per data directory, so the web app and
    /// the CLI on the same <c>PANAH_DATA</c> find the same key and a copy of the data directory alone
    /// decrypts nothing.
    /// </summary>
    public static string DefaultKeyFile(string dataDirectory)
    {
        var inData = Path.Combine(dataDirectory, FileName);
        if (File.Exists(inData))
        {
            return inData;
        }
        var config = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(config))
        {
            throw new InvalidOperationException($"No home directory to keep the master key in: set {FileEnvironmentVariable} (outside the data directory) or {EnvironmentVariable}.");
        }
        var folder = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..16];
        return Path.Combine(config, "panah", folder, FileName);
    }

    /// <summary>
    /// Loads the master key from the environment or from <paramref name="keyFile"/>, creating the file on
    /// first run unless <paramref name="mayCreate"/> is false (data sealed under a key that is missing).
    /// </summary>
    public static KeyRing Load(string keyFile, string? fromEnvironment, bool mayCreate = true)
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
        var path = Path.GetFullPath(keyFile);
        if (!File.Exists(path))
        {
            if (!mayCreate)
            {
                throw new InvalidOperationException($"No master key at {path}, but the data directory already holds a database sealed under one: set {FileEnvironmentVariable} to its key file, or {EnvironmentVariable}.");
            }
            var folder = Path.GetDirectoryName(path)!;
            if (!Directory.Exists(folder))
            {
                OwnerOnlyFile.CreateDirectory(folder);
            }
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
        var master = Convert.FromBase64String(File.ReadAllText(path).Trim());
        if (master.Length != 32)
        {
            throw new InvalidOperationException($"The master key in {path} must be 32 bytes (256 bits).");
        }
        return new KeyRing(master, path);
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
