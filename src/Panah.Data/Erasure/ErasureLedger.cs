using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Panah.Data.Erasure;

/// <summary>One erasure as the ledger records it: ids and time, nothing personal.</summary>
public sealed record LedgerEntry(long Sequence, Guid PersonId, DateTimeOffset ErasedAt);

/// <summary>What reading the ledger found: the entries whose seal holds, and each line that was edited, removed or added out of order.</summary>
public sealed record LedgerReading(IReadOnlyList<LedgerEntry> Entries, IReadOnlyList<string> Problems);

/// <summary>
/// The erasure ledger: an append-only file outside the database and its backups (by default beside the master
/// key), one line per erasure, each sealed with an HMAC that chains to the line before under a key of its own
/// (not the database's, not the master key). A restored older backup has every erasure re-applied from it; a line
/// edited or removed breaks the chain and is reported.
/// Line: <c>sequence TAB person-id TAB time TAB base64(HMAC(key, previous-mac | sequence TAB person-id TAB time))</c>.
/// </summary>
public sealed class ErasureLedger
{
    public const string DirectoryEnvironmentVariable = "PANAH_ERASURE_LEDGER";
    public const string FileName = "erasures.ledger";
    public const string KeyFileName = "ledger.key";

    private static readonly Lock Gate = new();
    private readonly byte[] key;

    public ErasureLedger(string directory)
    {
        Directory = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(Directory))
        {
            OwnerOnlyFile.CreateDirectory(Directory);
        }
        key = LoadOrCreateKey(Path.Combine(Directory, KeyFileName));
    }

    public string Directory { get; }

    public string FilePath => Path.Combine(Directory, FileName);

    /// <summary>The ledger's directory: <c>PANAH_ERASURE_LEDGER</c> or <c>Panah:ErasureLedger</c>, else beside the master key file.</summary>
    public static string DefaultDirectory(string? configured, string keyFile) =>
        !string.IsNullOrWhiteSpace(configured)
            ? configured
            : Path.Combine(Path.GetDirectoryName(keyFile)!, Path.GetFileNameWithoutExtension(keyFile) + ".erasures");

    /// <summary>Appends an erasure; written and flushed to disk before the database forgets the person.</summary>
    public void Append(Guid personId, DateTimeOffset at)
    {
        lock (Gate)
        {
            // Exclusive while appending: the CLI and the web app may erase at the same moment.
            using var stream = OpenExclusive();
            var (sequence, previous) = Tail(stream);
            var body = Body(sequence + 1, personId, at);
            var line = $"{body}\t{Convert.ToBase64String(Mac(previous, body))}\n";
            stream.Seek(0, SeekOrigin.End);
            stream.Write(Encoding.ASCII.GetBytes(line));
            stream.Flush(flushToDisk: true);
        }
    }

    public LedgerReading Read()
    {
        if (!File.Exists(FilePath))
        {
            return new LedgerReading([], []);
        }
        string[] lines;
        lock (Gate)
        {
            lines = File.ReadAllLines(FilePath, Encoding.ASCII);
        }
        var entries = new List<LedgerEntry>();
        var problems = new List<string>();
        var previous = Array.Empty<byte>();
        long expected = 1;
        for (var n = 0; n < lines.Length; n++)
        {
            var parts = lines[n].Split('\t');
            if (parts.Length != 4 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                || !Guid.TryParseExact(parts[1], "N", out var person)
                || !DateTimeOffset.TryParseExact(parts[2], "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                problems.Add($"line {n + 1}: not a ledger entry");
                continue;
            }
            var stored = TryBase64(parts[3]);
            var body = Body(sequence, person, at);
            if (stored is null || !CryptographicOperations.FixedTimeEquals(stored, Mac(previous, body)))
            {
                problems.Add(sequence == expected ? $"line {n + 1}: edited (its seal does not match)" : $"line {n + 1}: entries before it were removed (expected entry {expected}, found {sequence})");
            }
            else if (sequence != expected)
            {
                problems.Add($"line {n + 1}: out of order (expected entry {expected}, found {sequence})");
            }
            else
            {
                entries.Add(new LedgerEntry(sequence, person, at));
            }
            previous = stored ?? [];
            expected = sequence + 1;
        }
        return new LedgerReading(entries, problems);
    }

    private FileStream OpenExclusive()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = OwnerOnlyFile.FilePermissions;
                }
                return new FileStream(FilePath, options);
            }
            catch (IOException) when (attempt < 50)
            {
                Thread.Sleep(20);
            }
        }
    }

    /// <summary>The last entry's sequence number and seal (0 and nothing for an empty ledger).</summary>
    private static (long Sequence, byte[] Mac) Tail(FileStream stream)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        string? last = null;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                last = line;
            }
        }
        if (last?.Split('\t') is [var seq, _, _, var mac] && long.TryParse(seq, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return (sequence, TryBase64(mac) ?? []);
        }
        return (0, []);
    }

    private static string Body(long sequence, Guid person, DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{sequence}\t{person:N}\t{at.ToUniversalTime():O}");

    private byte[] Mac(byte[] previous, string body)
    {
        byte[] message = [.. previous, .. Encoding.ASCII.GetBytes(body)];
        return HMACSHA256.HashData(key, message);
    }

    private static byte[]? TryBase64(string value)
    {
        var buffer = new byte[32];
        return Convert.TryFromBase64String(value, buffer, out var written) && written == 32 ? buffer : null;
    }

    private static byte[] LoadOrCreateKey(string path)
    {
        if (!File.Exists(path))
        {
            var fresh = RandomNumberGenerator.GetBytes(32);
            try
            {
                using var stream = OwnerOnlyFile.Open(path, FileMode.CreateNew);
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(fresh)));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }
        var key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        return key.Length == 32 ? key : throw new InvalidOperationException($"The erasure ledger key in {path} must be 32 bytes.");
    }
}
