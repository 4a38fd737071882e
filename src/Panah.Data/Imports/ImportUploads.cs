using System.Security.Cryptography;
using Panah.Data.Backup;

namespace Panah.Data.Imports;

/// <summary>
/// Uploaded import files, kept under <c>&lt;data&gt;/imports</c> (owner-only) while their job runs: encrypted with the
/// job's own data key in authenticated chunks (<see cref="BackupCipher"/>'s format), so the file on disk holds nothing
/// in clear and is unreadable once the key is gone. Removed by overwriting it, then deleting it.
/// </summary>
public sealed class ImportUploads(PanahDataOptions options)
{
    public string Directory => Path.Combine(options.DataDirectory, "imports");

    public string PathOf(Guid jobId) => Path.Combine(Directory, jobId.ToString("N") + ".bin");

    public void Save(Guid jobId, byte[] key, Stream plaintext)
    {
        OwnerOnlyFile.CreateDirectory(Directory);
        var path = PathOf(jobId);
        try
        {
            using var file = OwnerOnlyFile.Open(path, FileMode.CreateNew);
            BackupCipher.Encrypt(plaintext, file, key, DatabaseProvider.Sqlite);
        }
        catch
        {
            Delete(jobId);
            throw;
        }
    }

    /// <summary>The file as uploaded, in memory (an import reads it whole anyway); throws when it is missing or was tampered with.</summary>
    public MemoryStream Open(Guid jobId, byte[] key)
    {
        var plain = new MemoryStream();
        using (var file = File.OpenRead(PathOf(jobId)))
        {
            BackupCipher.Decrypt(file, plain, key);
        }
        plain.Position = 0;
        return plain;
    }

    public bool Exists(Guid jobId) => File.Exists(PathOf(jobId));

    /// <summary>Overwrites the file with random bytes, flushes it to disk, then deletes it.</summary>
    public void Delete(Guid jobId)
    {
        var path = PathOf(jobId);
        if (!File.Exists(path))
        {
            return;
        }
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            var buffer = new byte[64 * 1024];
            for (long left = file.Length; left > 0; left -= buffer.Length)
            {
                RandomNumberGenerator.Fill(buffer);
                file.Write(buffer, 0, (int)Math.Min(buffer.Length, left));
            }
            file.Flush(flushToDisk: true);
        }
        File.Delete(path);
    }
}
