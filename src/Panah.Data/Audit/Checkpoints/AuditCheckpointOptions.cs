using Microsoft.Extensions.Configuration;

namespace Panah.Data.Audit.Checkpoints;

/// <summary>
/// Section <c>Panah:Audit</c>: where signed checkpoints go (<c>CheckpointDirectory</c>, and <c>CheckpointUrl</c> on
/// another machine when set), how often (<c>CheckpointMinutes</c>), how many lanes the chain has (<c>Lanes</c>), and the signing key (<c>SigningKeyFile</c>, or
/// the PEM itself in <c>PANAH_AUDIT_SIGNING_KEY</c>). By default both directories sit beside the data directory,
/// not in it; in production point them at storage the database's administrators cannot write.
/// </summary>
public sealed class AuditCheckpointOptions
{
    public const string SigningKeyEnvironmentVariable = "PANAH_AUDIT_SIGNING_KEY";
    public const string FileName = "audit-checkpoints.jsonl";

    public string CheckpointDirectory { get; set; } = "";
    public string SigningKeyFile { get; set; } = "";
    public string? SigningKeyPem { get; set; }
    public int CheckpointMinutes { get; set; } = 60;

    /// <summary>
    /// How many lanes the audit chain has on PostgreSQL: audited writes on different lanes commit side by side
    /// instead of one flush after another. SQLite has one writer at a time, so it always uses lane 0.
    /// </summary>
    public int Lanes { get; set; } = 16;
    public Uri? CheckpointUrl { get; set; }

    public string CheckpointFile => Path.Combine(CheckpointDirectory, FileName);

    public static AuditCheckpointOptions Read(IConfiguration configuration, PanahDataOptions data)
    {
        var options = new AuditCheckpointOptions();
        configuration.GetSection("Panah:Audit").Bind(options);
        var root = data.DataDirectory.TrimEnd(Path.DirectorySeparatorChar);
        options.CheckpointDirectory = Path.GetFullPath(string.IsNullOrWhiteSpace(options.CheckpointDirectory) ? root + ".audit-checkpoints" : options.CheckpointDirectory);
        options.SigningKeyFile = Path.GetFullPath(string.IsNullOrWhiteSpace(options.SigningKeyFile)
            ? Path.Combine(root + ".audit-signing", "checkpoint-signing.pem")
            : options.SigningKeyFile);
        options.SigningKeyPem = configuration[SigningKeyEnvironmentVariable] is { Length: > 0 } pem ? pem : null;
        if (options.CheckpointMinutes is < 1 or > 60)
        {
            throw new InvalidOperationException("Panah:Audit:CheckpointMinutes must be 1 to 60: a checkpoint is written at least hourly.");
        }
        if (options.Lanes is < 1 or > 64)
        {
            throw new InvalidOperationException("Panah:Audit:Lanes must be 1 to 64.");
        }
        return options;
    }
}
