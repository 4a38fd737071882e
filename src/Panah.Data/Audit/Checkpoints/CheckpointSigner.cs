using System.Security.Cryptography;

namespace Panah.Data.Audit.Checkpoints;

/// <summary>
/// Signs and checks checkpoints with an ECDSA P-256 key of its own, unrelated to the master key, so that holding the
/// master key (enough to recompute the audit chain) is not enough to vouch for a rewritten chain. The private key
/// is generated on first use into an owner-only file in a directory of its own, or given as PEM in the environment.
/// </summary>
public sealed class CheckpointSigner : IDisposable
{
    private readonly ECDsa key;

    private CheckpointSigner(ECDsa key) => this.key = key;

    public static CheckpointSigner Load(AuditCheckpointOptions options, bool mayCreate)
    {
        var key = ECDsa.Create();
        if (options.SigningKeyPem is { } pem)
        {
            key.ImportFromPem(pem);
        }
        else if (File.Exists(options.SigningKeyFile))
        {
            key.ImportFromPem(File.ReadAllText(options.SigningKeyFile));
        }
        else if (mayCreate)
        {
            key.GenerateKey(ECCurve.NamedCurves.nistP256);
            OwnerOnlyFile.CreateDirectory(Path.GetDirectoryName(options.SigningKeyFile)!);
            using var file = OwnerOnlyFile.Open(options.SigningKeyFile, FileMode.CreateNew);
            using var writer = new StreamWriter(file);
            writer.Write(key.ExportPkcs8PrivateKeyPem());
        }
        else
        {
            key.Dispose();
            throw new InvalidOperationException($"No checkpoint signing key at {options.SigningKeyFile} (or in {AuditCheckpointOptions.SigningKeyEnvironmentVariable}).");
        }
        return new CheckpointSigner(key);
    }

    public AuditCheckpoint Sign(AuditCheckpoint checkpoint) =>
        checkpoint with { Signature = Convert.ToBase64String(key.SignData(checkpoint.SignedContent(), HashAlgorithmName.SHA256)) };

    public bool IsSigned(AuditCheckpoint checkpoint)
    {
        Span<byte> signature = stackalloc byte[128];
        return Convert.TryFromBase64String(checkpoint.Signature, signature, out var length)
            && key.VerifyData(checkpoint.SignedContent(), signature[..length], HashAlgorithmName.SHA256);
    }

    public void Dispose() => key.Dispose();
}
