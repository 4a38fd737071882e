using System.Security.Cryptography;
using System.Text;

namespace Panah.Data.Crypto;

/// <summary>
/// The master keys and what is sealed under them. The master key never enters the database: it comes from
/// <c>PANAH_MASTER_KEY</c> (base64, 32 bytes) or from a key file (<c>PANAH_KEY_FILE</c>, by default outside
/// the data directory), created on first run with owner-only permissions. During <c>keys rotate</c> the ring
/// holds two keys: new values are sealed under the current (new) one, and every sealed value names the key
/// it was sealed under, so values under the old key still open until the rotation has re-sealed them all.
/// The key file is re-read when it changes, so a running app follows a rotation without a restart.
/// </summary>
public sealed class KeyRing
{
    public const string EnvironmentVariable = "PANAH_MASTER_KEY";
    public const string FileEnvironmentVariable = "PANAH_KEY_FILE";
    public const string FileName = "master.key";

    /// <summary>Sealed under a master key: version (2) | master key id (8) | nonce (12) | tag (16) | ciphertext.</summary>
    private const byte SealedVersion = 2;

    /// <summary>Sealed before master keys had ids (<see cref="FieldCipher"/>'s layout): under the installation's first key.</summary>
    private const byte UnnamedVersion = 1;

    private readonly Lock reloading = new();
    private volatile Ring ring;
    private volatile RootKeys? root;

    private KeyRing(List<MasterKey> keys, string? keyFile)
    {
        KeyFile = keyFile;
        ring = new Ring(keys, keyFile is null ? default : Crypto.KeyFile.StampOf(keyFile));
    }

    private sealed record Ring(IReadOnlyList<MasterKey> Keys, KeyFile.Stamp Stamp);

    private sealed record RootKeys(byte[] BlindIndex, byte[] Audit, byte[] CardSigning);

    /// <summary>The file the master keys were read from; null when they came from <c>PANAH_MASTER_KEY</c>.</summary>
    public string? KeyFile { get; }

    /// <summary>The key new values are sealed under.</summary>
    public string CurrentKeyId => Current().Keys[0].Id;

    /// <summary>Every key the ring holds, the current one first: more than one while a rotation is under way.</summary>
    public IReadOnlyList<string> KeyIds => Current().Keys.Select(k => k.Id).ToList();

    /// <summary>Keys the HMAC of blind indexes: a root secret of its own (see <see cref="Keys.RootSecrets"/>), unchanged by rotation.</summary>
    internal byte[] BlindIndexKey => (root ?? throw RootSecretsMissing()).BlindIndex;

    /// <summary>Keys the HMAC chain of the audit log: a root secret of its own, unchanged by rotation.</summary>
    internal byte[] AuditKey => (root ?? throw RootSecretsMissing()).Audit;

    /// <summary>Keys the MAC of food cards' QR tokens: a root secret of its own, unchanged by rotation.</summary>
    internal byte[] CardSigningKey => (root ?? throw RootSecretsMissing()).CardSigning;

    /// <summary>The installation's first key (the last in the ring): the blind-index and audit keys were derived from it before they were stored.</summary>
    internal MasterKey FirstKey => Current().Keys[^1];

    /// <summary>Installs the root secrets read from (or first stored in) the database.</summary>
    internal void UseRootSecrets(byte[] blindIndexKey, byte[] auditKey, byte[] cardSigningKey) => root = new RootKeys(blindIndexKey, auditKey, cardSigningKey);

    /// <summary>Wraps a data key under the current master key, bound to <paramref name="context"/> (its id).</summary>
    public byte[] Wrap(ReadOnlySpan<byte> dataKey, ReadOnlySpan<byte> context) => Seal(k => k.WrapKey, dataKey, context);

    public byte[] Unwrap(ReadOnlySpan<byte> wrapped, ReadOnlySpan<byte> context) => Open(k => k.WrapKey, wrapped, context);

    /// <summary>Encrypts a secret that must be stored beside the data, bound to <paramref name="purpose"/>.</summary>
    public byte[] SealSecret(ReadOnlySpan<byte> secret, string purpose) => Seal(k => k.SecretsKey, secret, Encoding.UTF8.GetBytes(purpose));

    public byte[] OpenSecret(ReadOnlySpan<byte> sealedSecret, string purpose) => Open(k => k.SecretsKey, sealedSecret, Encoding.UTF8.GetBytes(purpose));

    /// <summary>Whether <paramref name="sealedValue"/> names the current key: then a rotation leaves it as it is.</summary>
    public bool IsSealedUnderCurrentKey(ReadOnlySpan<byte> sealedValue) =>
        sealedValue.Length > 1 + MasterKey.IdSize && sealedValue[0] == SealedVersion && sealedValue.Slice(1, MasterKey.IdSize).SequenceEqual(Current().Keys[0].IdBytes);

    public static KeyRing FromMasterKey(byte[] master) => new([MasterKey.From((byte[])master.Clone())], keyFile: null);

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
    /// Loads the master keys from the environment or from <paramref name="keyFile"/>, creating the file on
    /// first run unless <paramref name="mayCreate"/> is false (data sealed under a key that is missing).
    /// </summary>
    public static KeyRing Load(string keyFile, string? fromEnvironment, bool mayCreate = true)
    {
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new KeyRing(Crypto.KeyFile.Parse(fromEnvironment), keyFile: null);
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
            Crypto.KeyFile.Create(path);
        }
        return new KeyRing(Crypto.KeyFile.Read(path), path);
    }

    /// <summary>
    /// Puts <paramref name="newMaster"/> (base64) on top of the key file: from now on new values are sealed
    /// under it, here and in every process that reads the same file. Returns its id.
    /// </summary>
    public string AddCurrentKey(string newMaster)
    {
        var file = KeyFile ?? throw new InvalidOperationException($"The keys come from {EnvironmentVariable}: put the new key first there (NEW,OLD) on every node and restart them, then run keys rotate again.");
        // Checked before the file is touched: a bad line in it would stop every process that reads it.
        if (Crypto.KeyFile.Parse(newMaster) is not [var key] || KeyIds.Contains(key.Id))
        {
            throw new InvalidOperationException("The new master key must be one base64 key of 32 bytes that the ring does not already hold.");
        }
        Crypto.KeyFile.Prepend(file, newMaster.Trim());
        return Reload().Keys[0].Id;
    }

    /// <summary>Leaves only the current key in the key file, once nothing is sealed under the others.</summary>
    public void RetireOtherKeys(string currentId)
    {
        if (KeyFile is not null)
        {
            Crypto.KeyFile.KeepOnlyCurrent(KeyFile, currentId);
            Reload();
        }
    }

    private byte[] Seal(Func<MasterKey, byte[]> purposeKey, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> context)
    {
        var key = Current().Keys[0];
        Span<byte> header = stackalloc byte[1 + MasterKey.IdSize];
        header[0] = SealedVersion;
        key.IdBytes.CopyTo(header[1..]);
        return FieldCipher.Seal(purposeKey(key), plaintext, context, header);
    }

    private byte[] Open(Func<MasterKey, byte[]> purposeKey, ReadOnlySpan<byte> sealedValue, ReadOnlySpan<byte> context)
    {
        if (sealedValue.Length > 0 && sealedValue[0] == UnnamedVersion)
        {
            return FieldCipher.Open(purposeKey(FirstKey), sealedValue, context);
        }
        if (sealedValue.Length <= 1 + MasterKey.IdSize || sealedValue[0] != SealedVersion)
        {
            throw new CryptographicException("Not a sealed value of a known version.");
        }
        var id = sealedValue.Slice(1, MasterKey.IdSize);
        // A key this process has not seen yet: another process (keys rotate) may just have added it to the file.
        var key = Find(ring, id) ?? Find(Reload(), id)
            ?? throw new CryptographicException($"Sealed under master key {Convert.ToHexStringLower(id)}, which this key ring does not hold (retired, or not given to this node).");
        return FieldCipher.OpenBody(purposeKey(key), sealedValue[(1 + MasterKey.IdSize)..], context);
    }

    private static MasterKey? Find(Ring keys, ReadOnlySpan<byte> id)
    {
        foreach (var key in keys.Keys)
        {
            if (id.SequenceEqual(key.IdBytes))
            {
                return key;
            }
        }
        return null;
    }

    /// <summary>The ring as the key file now has it: a stat per call, a read only when the file changed.</summary>
    private Ring Current()
    {
        var keys = ring;
        return KeyFile is null || Crypto.KeyFile.StampOf(KeyFile) == keys.Stamp ? keys : Reload();
    }

    private Ring Reload()
    {
        if (KeyFile is null)
        {
            return ring;
        }
        lock (reloading)
        {
            var stamp = Crypto.KeyFile.StampOf(KeyFile);
            if (stamp != ring.Stamp)
            {
                ring = new Ring(Crypto.KeyFile.Read(KeyFile), stamp);
            }
            return ring;
        }
    }

    private static InvalidOperationException RootSecretsMissing() =>
        new("The blind-index, audit and card-signing keys are read from the database at start-up (PanahDatabase.InitializeAsync), which has not run.");
}
