using System.Security.Cryptography;
using System.Text;

namespace Panah.Data.Crypto;

/// <summary>
/// The master key file: one base64 key (32 bytes) per line, the current key first. A file of one line
/// (every file written before rotation existed) is a ring of one key. <c>keys rotate</c> puts the new key
/// on top and, once nothing is sealed under the others any more, leaves the new key alone in the file.
/// Every write goes to an owner-only file beside it that is then renamed over it, so a reader (the web app
/// re-reads the file when it changes) never sees half a file.
/// </summary>
internal static class KeyFile
{
    /// <summary>What tells a reader that the file changed since it last read it.</summary>
    public readonly record struct Stamp(DateTime WrittenUtc, long Length);

    public static Stamp StampOf(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new Stamp(info.LastWriteTimeUtc, info.Length) : default;
    }

    public static List<MasterKey> Read(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
            {
                throw new InvalidOperationException($"{path} is readable by other users; run: chmod 600 {path}");
            }
        }
        var keys = Lines(path).Select(line => Parse(line, path)).ToList();
        return keys.Count > 0 ? keys : throw new InvalidOperationException($"{path} holds no master key.");
    }

    /// <summary>Keys given in <c>PANAH_MASTER_KEY</c>: one, or several separated by commas, the current key first.</summary>
    public static List<MasterKey> Parse(string fromEnvironment) =>
        fromEnvironment.Split([',', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(k => Parse(k, KeyRing.EnvironmentVariable)).ToList();

    public static void Create(string path)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        using (var stream = OwnerOnlyFile.Open(path, FileMode.CreateNew))
        {
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
        }
        CryptographicOperations.ZeroMemory(key);
    }

    /// <summary>Puts <paramref name="newKey"/> (base64) on top of the keys in the file.</summary>
    public static void Prepend(string path, string newKey) => Replace(path, [newKey, .. Lines(path)]);

    /// <summary>Keeps only the first (current) key, after checking that it is the one <paramref name="expectedId"/> names.</summary>
    public static void KeepOnlyCurrent(string path, string expectedId)
    {
        var lines = Lines(path);
        if (Parse(lines[0], path).Id != expectedId)
        {
            throw new InvalidOperationException($"The current key in {path} is no longer master key {expectedId}: it was changed during the rotation.");
        }
        Replace(path, [lines[0]]);
    }

    private static List<string> Lines(string path) =>
        File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static MasterKey Parse(string base64, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"A master key in {source} is not valid base64.");
        }
        return bytes.Length == 32 ? MasterKey.From(bytes) : throw new InvalidOperationException($"A master key in {source} must be 32 bytes (256 bits).");
    }

    private static void Replace(string path, IEnumerable<string> lines)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        using (var stream = OwnerOnlyFile.Open(temporary, FileMode.CreateNew))
        {
            stream.Write(Encoding.ASCII.GetBytes(string.Join('\n', lines) + "\n"));
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
