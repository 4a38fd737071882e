using Panah.Data.Uploads;

namespace Panah.Data.Protection;

/// <summary>A case worker's note on a case; its text is sealed under the case's own key.</summary>
public sealed class CaseNote : ICaseScoped
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string WrittenBy { get; set; }
    public DateTimeOffset WrittenAt { get; set; }

    /// <summary>The sealed <see cref="NoteText"/>.</summary>
    public required byte[] Sealed { get; set; }
}

/// <summary>
/// A photo or scanned document of a case, sanitised on upload (<see cref="UploadSanitiser"/>); its content and its
/// file name are sealed under the case's own key; only its kind and size are in clear.
/// </summary>
public sealed class CaseAttachment : ICaseScoped
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public UploadKind Kind { get; set; }
    public int Size { get; set; }
    public required string UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>The sealed <see cref="AttachmentName"/>.</summary>
    public required byte[] SealedName { get; set; }

    /// <summary>The sanitised bytes, sealed whole (not as JSON) under the case key with this row as context.</summary>
    public required byte[] SealedContent { get; set; }
}

public sealed record NoteText(string Text);

public sealed record AttachmentName(string? FileName);

public sealed record NoteView(Guid Id, string WrittenBy, DateTimeOffset WrittenAt, string Text);

public sealed record AttachmentView(Guid Id, UploadKind Kind, int Size, string UploadedBy, DateTimeOffset UploadedAt, string? FileName);

public sealed record AttachmentContent(Guid Id, SanitisedUpload Upload);
