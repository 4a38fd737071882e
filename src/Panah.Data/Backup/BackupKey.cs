using System.Security.Cryptography;
using System.Text;

namespace Panah.Data.Backup;

/// <summary>
/// The key backups are sealed under: <c>PANAH_BACKUP_KEY</c> (base64, 32 bytes), or a key file beside the master
/// key, generated on first use with owner-only permissions. It is neither the master key nor derived from it, so a
/// stolen backup opens nothing without it, and one holder of the master key alone cannot read old backups.
/// </summary>
public static class BackupKey
{
    public const string EnvironmentVariable = "PANAH_BACKUP_KEY";

    /// <summary>Beside the master key file: <c>master.key</c> → <c>master.backup.key</c>.</summary>
    public static string DefaultFile(PanahDataOptions options) =>
        Path.Combine(Path.GetDirectoryName(options.KeyFile!)!, Path.GetFileNameWithoutExtension(options.KeyFile!) + ".backup.key");

    /// <summary>The key; a missing key file is created when <paramref name="mayCreate"/> (making a backup), never when restoring.</summary>
    public static byte[] Load(PanahDataOptions options, string? fromEnvironment, bool mayCreate)
    {
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            var bytes = TryBase64(fromEnvironment.Trim()) ?? throw new InvalidOperationException($"{EnvironmentVariable} is not 32 bytes in base64.");
            return bytes;
        }
        var path = DefaultFile(options);
        if (!File.Exists(path))
        {
            if (!mayCreate)
            {
                throw new InvalidOperationException($"No backup key at {path}: set {EnvironmentVariable} to the key the backup was made with.");
            }
            var fresh = RandomNumberGenerator.GetBytes(32);
            using var stream = OwnerOnlyFile.Open(path, FileMode.CreateNew);
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(fresh)));
            return fresh;
        }
        return TryBase64(File.ReadAllText(path).Trim()) ?? throw new InvalidOperationException($"The backup key in {path} must be 32 bytes in base64.");
    }

    private static byte[]? TryBase64(string value)
    {
        var buffer = new byte[33];
        return Convert.TryFromBase64String(value, buffer, out var written) && written == 32 ? buffer[..32] : null;
    }
}
