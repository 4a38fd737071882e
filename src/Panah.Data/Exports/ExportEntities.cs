namespace Panah.Data.Exports;

/// <summary>Someone outside Panah who may receive exports of personal data, with the OpenPGP public key each export is encrypted to. Only the data protection officer adds or removes one.</summary>
public sealed class ExportRecipient
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Organisation { get; set; }

    /// <summary>The primary key's fingerprint, upper-case hex, as <c>gpg --fingerprint</c> shows it (without spaces).</summary>
    public required string Fingerprint { get; set; }

    /// <summary>The ASCII-armoured public key block as registered.</summary>
    public required string ArmouredKey { get; set; }
    public required string AddedBy { get; set; }
    public DateTimeOffset AddedAt { get; set; }

    /// <summary>Set when removed: kept so that past exports still name their recipient; no new request may name it.</summary>
    public DateTimeOffset? RemovedAt { get; set; }
}

public enum ExportDataset
{
    Households = 1,
    People = 2,
}

public enum ExportStatus
{
    Requested = 1,
    Approved = 2,
    Refused = 3,
    Produced = 4,
}

/// <summary>
/// A request to send personal data outside Panah: who asks, why (sealed), to whom, which rows and columns. Four eyes:
/// a data protection officer other than the requester approves; then the requester downloads the file once, encrypted
/// to the recipient and read through the requester's own scope. Unproduced requests expire (<see cref="ExportOptions.ExpireAfterDays"/>).
/// </summary>
public sealed class ExportRequest
{
    /// <summary>The export id: in the file's name, its watermark column and the audit entries.</summary>
    public Guid Id { get; set; }
    public required string RequesterId { get; set; }

    /// <summary>The purpose, encrypted under <see cref="DataKeyId"/>: it may say who the data is about.</summary>
    public required byte[] SealedPurpose { get; set; }
    public Guid DataKeyId { get; set; }
    public Entities.DataKey? Key { get; set; }
    public int RecipientId { get; set; }
    public ExportRecipient? Recipient { get; set; }
    public ExportDataset Dataset { get; set; }

    /// <summary>The columns, in order, comma-separated (names of <see cref="ExportColumns"/>).</summary>
    public required string Columns { get; set; }
    public int? FieldOfficeId { get; set; }
    public string? District { get; set; }
    public ExportStatus Status { get; set; }

    /// <summary>Rows in the requester's scope when asked: what the approver sees.</summary>
    public int RowsAtRequest { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset? ProducedAt { get; set; }
    public int? ProducedRows { get; set; }
}
