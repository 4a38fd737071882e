using System.Text;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Security;

namespace Panah.Data.Exports;

/// <summary>
/// Encryption of an export to its recipient's OpenPGP public key (RFC 4880: AES-256 with an integrity packet, ZIP
/// compression, a binary literal packet), so the recipient opens it with ordinary tools: <c>gpg --decrypt
/// export-ID.csv.gpg &gt; export.csv</c> (GnuPG), or Kleopatra / GPG Suite. The plaintext goes from the writer
/// straight into the cipher: it is never on disk, and only whole buffers of it are in memory at a time.
/// </summary>
public static class OpenPgp
{
    /// <summary>A registered key: its primary key's fingerprint and the key that encrypts (the first encryption subkey, else the primary).</summary>
    public sealed record RecipientKey(string Fingerprint, PgpPublicKey EncryptionKey);

    /// <summary>Reads an ASCII-armoured public key block; null when it is not one or has no usable encryption key.</summary>
    public static RecipientKey? Read(string armoured)
    {
        try
        {
            using var input = PgpUtilities.GetDecoderStream(new MemoryStream(Encoding.ASCII.GetBytes(armoured)));
            var bundle = new PgpPublicKeyRingBundle(input);
            foreach (PgpPublicKeyRing ring in bundle.GetKeyRings())
            {
                var master = ring.GetPublicKey();
                if (master.HasRevocation())
                {
                    continue;
                }
                var encryption = ring.GetPublicKeys().FirstOrDefault(k => k.IsEncryptionKey && !k.HasRevocation() && !Expired(k));
                if (encryption is not null)
                {
                    return new RecipientKey(Convert.ToHexString(master.GetFingerprint()), encryption);
                }
            }
        }
        // Whatever a malformed key block makes the parser throw, it is not a key.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
        return null;
    }

    private static bool Expired(PgpPublicKey key) => key.GetValidSeconds() > 0 && key.CreationTime.AddSeconds(key.GetValidSeconds()) < DateTime.UtcNow;

    /// <summary>
    /// Writes to <paramref name="output"/> the OpenPGP message of what <paramref name="write"/> writes, encrypted to
    /// <paramref name="key"/>. Synchronous: BouncyCastle's packet streams are; the caller gives a stream that takes
    /// synchronous writes (the web app's is a memory stream of ciphertext, sent once it is whole).
    /// </summary>
    public static void Encrypt(Stream output, PgpPublicKey key, string fileName, DateTime modified, Action<Stream> write)
    {
        var generator = new PgpEncryptedDataGenerator(SymmetricKeyAlgorithmTag.Aes256, withIntegrityPacket: true, new SecureRandom());
        generator.AddMethod(key);
        using var encrypted = generator.Open(output, new byte[1 << 16]);
        var compressor = new PgpCompressedDataGenerator(CompressionAlgorithmTag.Zip);
        using var compressed = compressor.Open(encrypted);
        var literal = new PgpLiteralDataGenerator();
        using var plain = literal.Open(compressed, PgpLiteralData.Binary, fileName, modified, new byte[1 << 16]);
        write(plain);
    }
}
