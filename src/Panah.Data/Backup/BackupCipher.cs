using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Panah.Data.Backup;

/// <summary>
/// A backup file: AES-256-GCM in chunks, streamed (no whole database in memory, no plaintext file on disk).
/// Header: magic "PANAHBAK" | version | provider | chunk size (int32) | salt (16) | nonce prefix (4); the file key is
/// HKDF(backup key, salt). Each chunk: plaintext length (int32) | ciphertext | tag; its nonce is the prefix and the
/// chunk number, and the header, chunk number and a last-chunk flag are authenticated with it, so a chunk
/// reordered, a header edited or a file cut short is refused.
/// </summary>
public static class BackupCipher
{
    private const int ChunkSize = 64 * 1024;
    private const int TagSize = 16;
    private const byte Version = 1;
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("PANAHBAK");
    private const int HeaderSize = 8 + 1 + 1 + 4 + 16 + 4;

    public static void Encrypt(Stream plaintext, Stream output, byte[] backupKey, DatabaseProvider provider)
    {
        var header = new byte[HeaderSize];
        Magic.CopyTo(header, 0);
        header[8] = Version;
        header[9] = (byte)provider;
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(10), ChunkSize);
        RandomNumberGenerator.Fill(header.AsSpan(14, 20));
        output.Write(header);
        using var aes = new AesGcm(FileKey(backupKey, header), TagSize);
        var buffer = new byte[ChunkSize];
        Span<byte> size = stackalloc byte[4];
        for (long chunk = 0; ; chunk++)
        {
            // A short chunk is the last; a file that ends on a whole chunk gets an empty last chunk after it.
            var length = ReadFull(plaintext, buffer);
            var last = length < ChunkSize;
            var cipher = new byte[length + TagSize];
            aes.Encrypt(Nonce(header, chunk), buffer.AsSpan(0, length), cipher.AsSpan(0, length), cipher.AsSpan(length), Associated(header, chunk, last));
            BinaryPrimitives.WriteInt32LittleEndian(size, length);
            output.Write(size);
            output.Write(cipher);
            if (last)
            {
                break;
            }
        }
        CryptographicOperations.ZeroMemory(buffer);
    }

    /// <summary>The database kind a backup holds, read from its header without decrypting anything.</summary>
    public static DatabaseProvider ProviderOf(Stream input)
    {
        var header = ReadHeader(input);
        return (DatabaseProvider)header[9];
    }

    /// <summary>Decrypts into <paramref name="output"/>; throws <see cref="CryptographicException"/> on a wrong key or any tampering.</summary>
    public static void Decrypt(Stream input, Stream output, byte[] backupKey)
    {
        var header = ReadHeader(input);
        var chunkSize = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(10));
        using var aes = new AesGcm(FileKey(backupKey, header), TagSize);
        Span<byte> size = stackalloc byte[4];
        for (long chunk = 0; ; chunk++)
        {
            if (ReadFull(input, size) != 4)
            {
                throw new CryptographicException("The backup is cut short.");
            }
            var length = BinaryPrimitives.ReadInt32LittleEndian(size);
            if (length < 0 || length > chunkSize)
            {
                throw new CryptographicException("The backup is damaged.");
            }
            var cipher = new byte[length + TagSize];
            if (ReadFull(input, cipher) != cipher.Length)
            {
                throw new CryptographicException("The backup is cut short.");
            }
            var plain = new byte[length];
            var last = length < chunkSize;
            aes.Decrypt(Nonce(header, chunk), cipher.AsSpan(0, length), cipher.AsSpan(length), plain, Associated(header, chunk, last));
            output.Write(plain);
            CryptographicOperations.ZeroMemory(plain);
            if (last)
            {
                if (input.ReadByte() != -1)
                {
                    throw new CryptographicException("The backup has data after its last chunk.");
                }
                return;
            }
        }
    }

    private static byte[] ReadHeader(Stream input)
    {
        var header = new byte[HeaderSize];
        if (ReadFull(input, header) != HeaderSize || !header.AsSpan(0, 8).SequenceEqual(Magic) || header[8] != Version)
        {
            throw new CryptographicException("Not a Panah backup.");
        }
        return header;
    }

    private static byte[] FileKey(byte[] backupKey, byte[] header) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, backupKey, 32, header.AsSpan(14, 16).ToArray(), Encoding.ASCII.GetBytes("panah/backup/v1"));

    private static byte[] Nonce(byte[] header, long chunk)
    {
        var nonce = new byte[12];
        header.AsSpan(30, 4).CopyTo(nonce);
        BinaryPrimitives.WriteInt64BigEndian(nonce.AsSpan(4), chunk);
        return nonce;
    }

    private static byte[] Associated(byte[] header, long chunk, bool last)
    {
        var data = new byte[HeaderSize + 9];
        header.CopyTo(data, 0);
        BinaryPrimitives.WriteInt64BigEndian(data.AsSpan(HeaderSize), chunk);
        data[^1] = last ? (byte)1 : (byte)0;
        return data;
    }

    private static int ReadFull(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer[total..]);
            if (read == 0)
            {
                break;
            }
            total += read;
        }
        return total;
    }
}
