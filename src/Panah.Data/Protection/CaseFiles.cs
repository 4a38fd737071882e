using System.Text;
using Microsoft.EntityFrameworkCore;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Crypto;
using Panah.Data.Uploads;

namespace Panah.Data.Protection;

/// <summary>
/// Notes and attachments of a case, for those the case scope names: the case is looked up through its filter, so
/// for anyone else every call answers null (404). Reads go through <see cref="CaseReads"/> and are audited;
/// everything personal is sealed under the case's own key.
/// </summary>
public sealed class CaseFiles(PanahDbContext db, AccessScope scope, AuditLog audit, CaseReads reads, UploadSanitiser sanitiser, TimeProvider clock)
{
    public const int MaxNoteLength = 20_000;
    public const int MaxFileNameLength = 200;

    /// <summary>Newest first, ordered here: SQLite cannot order by a DateTimeOffset.</summary>
    public async Task<List<NoteView>?> NotesAsync(Guid caseId, CancellationToken ct = default)
    {
        if (await reads.FindAsync(caseId, "case.notes", ct) is not { } row)
        {
            return null;
        }
        return await NotesOfAsync(row, reads.KeyOf(row), ct);
    }

    /// <summary>The notes of a case already read (and audited) by the caller.</summary>
    public async Task<List<NoteView>> NotesOfAsync(ProtectionCase row, byte[] key, CancellationToken ct = default) =>
        (await db.CaseNotes.AsNoTracking().Where(n => n.CaseId == row.Id).ToListAsync(ct))
            .OrderByDescending(n => n.WrittenAt).Select(n => new NoteView(n.Id, n.WrittenBy, n.WrittenAt, CaseSealer.Open<NoteText>(key, "note", n.Id, n.Sealed).Text)).ToList();

    public async Task<NoteView?> AddNoteAsync(Guid caseId, string? text, CancellationToken ct = default)
    {
        if (await WritableAsync(caseId, ct) is not { } row)
        {
            return null;
        }
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxNoteLength)
        {
            throw new CaseRefusedException("Protection.NoteInvalid");
        }
        var note = new CaseNote { Id = Guid.CreateVersion7(), CaseId = caseId, WrittenBy = scope.StaffUserId!, WrittenAt = clock.GetUtcNow(), Sealed = [] };
        note.Sealed = CaseSealer.Seal(reads.KeyOf(row), "note", note.Id, new NoteText(trimmed));
        db.CaseNotes.Add(note);
        await audit.SaveAsync(db, new AuditEvent("case.note.add", "protection-case", caseId.ToString(), $"note={note.Id}") { People = row.PersonId is { } p ? [p] : [] }, ct);
        return new NoteView(note.Id, note.WrittenBy, note.WrittenAt, trimmed);
    }

    public async Task<List<AttachmentView>?> AttachmentsAsync(Guid caseId, CancellationToken ct = default)
    {
        if (await reads.FindAsync(caseId, "case.attachments", ct) is not { } row)
        {
            return null;
        }
        return await AttachmentsOfAsync(row, reads.KeyOf(row), ct);
    }

    /// <summary>The attachments (without their content) of a case already read (and audited) by the caller.</summary>
    public async Task<List<AttachmentView>> AttachmentsOfAsync(ProtectionCase row, byte[] key, CancellationToken ct = default)
    {
        return (await db.CaseAttachments.AsNoTracking().Where(a => a.CaseId == row.Id)
                .Select(a => new { a.Id, a.Kind, a.Size, a.UploadedBy, a.UploadedAt, a.SealedName }).ToListAsync(ct))
            .OrderByDescending(a => a.UploadedAt).Select(a => new AttachmentView(a.Id, a.Kind, a.Size, a.UploadedBy, a.UploadedAt, CaseSealer.Open<AttachmentName>(key, "attachment", a.Id, a.SealedName).FileName)).ToList();
    }

    /// <summary>Sanitises and seals an upload; refused (<see cref="UploadRefusedException"/>) unless it is a JPEG, PNG or PDF within the limits.</summary>
    public async Task<AttachmentView?> AddAttachmentAsync(Guid caseId, string? fileName, byte[] content, CancellationToken ct = default)
    {
        if (await WritableAsync(caseId, ct) is not { } row)
        {
            return null;
        }
        var upload = sanitiser.Sanitise(content);
        var key = reads.KeyOf(row);
        var name = string.IsNullOrWhiteSpace(fileName) ? null : Path.GetFileName(fileName.Trim());
        name = name is { Length: > MaxFileNameLength } ? name[..MaxFileNameLength] : name;
        var attachment = new CaseAttachment
        {
            Id = Guid.CreateVersion7(),
            CaseId = caseId,
            Kind = upload.Kind,
            Size = upload.Content.Length,
            UploadedBy = scope.StaffUserId!,
            UploadedAt = clock.GetUtcNow(),
            SealedName = [],
            SealedContent = [],
        };
        attachment.SealedName = CaseSealer.Seal(key, "attachment", attachment.Id, new AttachmentName(name));
        attachment.SealedContent = FieldCipher.Seal(key, upload.Content, ContentContext(attachment.Id));
        db.CaseAttachments.Add(attachment);
        await audit.SaveAsync(db, new AuditEvent("case.attachment.add", "protection-case", caseId.ToString(), $"attachment={attachment.Id} kind={upload.Kind} size={upload.Content.Length}") { People = row.PersonId is { } p ? [p] : [] }, ct);
        return new AttachmentView(attachment.Id, attachment.Kind, attachment.Size, attachment.UploadedBy, attachment.UploadedAt, name);
    }

    /// <summary>The decrypted content of one attachment of a case the scope sees; audited as a read of the case.</summary>
    public async Task<AttachmentContent?> ContentAsync(Guid caseId, Guid attachmentId, CancellationToken ct = default)
    {
        var attachment = await db.CaseAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.CaseId == caseId, ct);
        if (attachment is null || await reads.FindAsync(caseId, "case.attachment.download", ct) is not { } row)
        {
            return null;
        }
        var bytes = FieldCipher.Open(reads.KeyOf(row), attachment.SealedContent, ContentContext(attachment.Id));
        return new AttachmentContent(attachment.Id, new SanitisedUpload(attachment.Kind, bytes));
    }

    /// <summary>Only staff who work cases write to one; the data protection officer reads (subject access) but adds nothing.</summary>
    private async Task<ProtectionCase?> WritableAsync(Guid caseId, CancellationToken ct) =>
        scope.Role == Staff.Roles.CaseWorker
            ? await db.ProtectionCases.AsNoTracking().Include(c => c.Key).FirstOrDefaultAsync(c => c.Id == caseId, ct)
            : null;

    private static byte[] ContentContext(Guid id) => Encoding.ASCII.GetBytes($"attachment-content:{id:N}");
}
