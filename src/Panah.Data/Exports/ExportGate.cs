using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Panah.Core;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Crypto;
using Panah.Data.Registry;

namespace Panah.Data.Exports;

public sealed record RecipientView(int Id, string Name, string Organisation, string Fingerprint, string AddedBy, DateTimeOffset AddedAt);

/// <summary>A request as its requester and the data protection officer see it; <see cref="Status"/> is "expired" once its time has passed unproduced.</summary>
public sealed record ExportView(
    Guid Id, string RequesterId, string Purpose, RecipientView Recipient, ExportDataset Dataset, IReadOnlyList<string> Columns, string? FieldOffice, string? District,
    string Status, int RowsAtRequest, DateTimeOffset RequestedAt, DateTimeOffset ExpiresAt, string? DecidedBy, DateTimeOffset? DecidedAt, DateTimeOffset? ProducedAt, int? ProducedRows);

public sealed record ExportInput(string? Purpose, int RecipientId, ExportDataset Dataset, IReadOnlyList<string> Columns, string? FieldOffice, string? District);

public enum ExportRefusal
{
    None,
    NotFound,

    /// <summary>Not in a state for this step (not approved yet, refused, already produced, expired) or its recipient was removed.</summary>
    Conflict,

    /// <summary>Four eyes: nobody decides on their own request.</summary>
    OwnRequest,
}

/// <summary>
/// The result of a step: the export's view, or why not. <see cref="Message"/> and the <see cref="Errors"/> are resource keys
/// (<c>Exports.Error.…</c>), an argument after a <c>|</c> (as the registry's messages), for the page or API to translate.
/// </summary>
public sealed record ExportOutcome(ExportRefusal Refusal, ExportView? Export = null, string? Message = null, IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>A produced file: ciphertext only, with its export id and the number of rows it holds.</summary>
public sealed record ExportFile(Guid Id, byte[] Encrypted, int Rows, string FileName);

/// <summary>
/// Exports of personal data through a gate: the requester names the purpose, the recipient and the rows; a data
/// protection officer other than the requester approves (four eyes); the requester then downloads the file once —
/// read through the requester's own scope and field access, CSV with the export id as a watermark column in every row,
/// encrypted to the recipient's OpenPGP key, audited as <c>export.produce</c> with the row count and every person in it
/// (so the person's subject-access report lists who received their data). A second download is refused: the plaintext
/// is not kept, and a new file would be a new disclosure needing its own approval.
/// </summary>
public sealed partial class ExportGate(PanahDbContext db, AuditLog audit, ActingStaff staff, AccessScope scope, RegistrySealer sealer, ExportOptions options, TimeProvider clock)
{
    public const int MaxName = 200;
    public const int MaxPurpose = 2_000;
    public const int MaxKeyChars = 64 * 1024;

    public async Task<IReadOnlyList<RecipientView>> RecipientsAsync(CancellationToken ct = default) =>
        (await db.ExportRecipients.AsNoTracking().Where(r => r.RemovedAt == null).OrderBy(r => r.Name).ToListAsync(ct)).Select(View).ToList();

    public async Task<(RecipientView? Recipient, IReadOnlyDictionary<string, string[]>? Errors)> AddRecipientAsync(string? name, string? organisation, string? armouredKey, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        name = Clean(name);
        organisation = Clean(organisation);
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxName)
        {
            errors["name"] = [$"Exports.Error.RecipientName|{MaxName}"];
        }
        if (string.IsNullOrWhiteSpace(organisation) || organisation.Length > MaxName)
        {
            errors["organisation"] = [$"Exports.Error.Organisation|{MaxName}"];
        }
        OpenPgp.RecipientKey? key = null;
        if (string.IsNullOrWhiteSpace(armouredKey) || armouredKey.Length > MaxKeyChars || (key = OpenPgp.Read(armouredKey)) is null)
        {
            errors["publicKey"] = ["Exports.Error.PublicKey"];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var row = new ExportRecipient
        {
            Name = name!, Organisation = organisation!, Fingerprint = key!.Fingerprint, ArmouredKey = armouredKey!.Trim(), AddedBy = staff.Id, AddedAt = clock.GetUtcNow(),
        };
        db.ExportRecipients.Add(row);
        await db.SaveChangesAsync(ct);
        await audit.SaveAsync(db, new AuditEvent("exports.recipient.add", "export-recipient", row.Id.ToString(CultureInfo.InvariantCulture), $"fingerprint={row.Fingerprint}"), ct);
        return (View(row), null);
    }

    public async Task<bool> RemoveRecipientAsync(int id, CancellationToken ct = default)
    {
        var row = await db.ExportRecipients.FirstOrDefaultAsync(r => r.Id == id && r.RemovedAt == null, ct);
        if (row is null)
        {
            return false;
        }
        row.RemovedAt = clock.GetUtcNow();
        await audit.SaveAsync(db, new AuditEvent("exports.recipient.remove", "export-recipient", id.ToString(CultureInfo.InvariantCulture)), ct);
        return true;
    }

    /// <summary>Asks for an export: checked against the requester's field access, its rows counted in their scope for the approver.</summary>
    public async Task<ExportOutcome> RequestAsync(ExportInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var purpose = Clean(input.Purpose?.ReplaceLineEndings(" "));
        if (string.IsNullOrWhiteSpace(purpose) || purpose.Length < 10 || purpose.Length > MaxPurpose)
        {
            errors["purpose"] = [$"Exports.Error.Purpose|{MaxPurpose}"];
        }
        if (!Enum.IsDefined(input.Dataset))
        {
            errors["dataset"] = ["Exports.Error.Dataset"];
        }
        else if (ExportColumns.Problem(input.Dataset, input.Columns ?? [], scope.Fields) is { } problem)
        {
            errors["columns"] = [problem];
        }
        var recipient = await db.ExportRecipients.AsNoTracking().FirstOrDefaultAsync(r => r.Id == input.RecipientId && r.RemovedAt == null, ct);
        if (recipient is null)
        {
            errors["recipientId"] = ["Exports.Error.Recipient"];
        }
        int? office = null;
        if (!string.IsNullOrWhiteSpace(input.FieldOffice))
        {
            office = await db.FieldOffices.AsNoTracking().Where(o => o.Code == input.FieldOffice.Trim().ToUpperInvariant()).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
            if (office is null)
            {
                errors["fieldOffice"] = ["Exports.Error.FieldOffice"];
            }
        }
        var district = string.IsNullOrWhiteSpace(input.District) ? null : Clean(input.District)!;
        if ((district is null && !string.IsNullOrWhiteSpace(input.District)) || district is { Length: > 100 })
        {
            errors["district"] = ["Exports.Error.District"];
        }
        if (errors.Count > 0)
        {
            return new ExportOutcome(ExportRefusal.None, Errors: errors);
        }
        var (keyRow, key) = sealer.NewKey();
        var id = Guid.CreateVersion7();
        var row = new ExportRequest
        {
            Id = id, RequesterId = staff.Id, DataKeyId = keyRow.Id, Key = keyRow,
            SealedPurpose = FieldCipher.Seal(key, Encoding.UTF8.GetBytes(purpose!), PurposeContext(id)),
            RecipientId = recipient!.Id, Dataset = input.Dataset, Columns = string.Join(',', input.Columns!), FieldOfficeId = office, District = district,
            Status = ExportStatus.Requested, RequestedAt = clock.GetUtcNow(),
            RowsAtRequest = input.Dataset == ExportDataset.People ? await People(office, district).CountAsync(ct) : await Households(office, district).CountAsync(ct),
        };
        db.ExportRequests.Add(row);
        await audit.SaveAsync(db, new AuditEvent("exports.request", "export", id.ToString(), $"recipient={recipient.Id}; dataset={row.Dataset}; columns={row.Columns}; rows={row.RowsAtRequest}"), ct);
        return new ExportOutcome(ExportRefusal.None, await ViewAsync(id, ct));
    }

    /// <summary>The requests of the signed-in staff member, newest first.</summary>
    public Task<IReadOnlyList<ExportView>> MineAsync(CancellationToken ct = default) => ListAsync(db.ExportRequests.Where(r => r.RequesterId == staff.Id), ct);

    /// <summary>Every request, newest first: the data protection officer's queue and history.</summary>
    public Task<IReadOnlyList<ExportView>> AllAsync(CancellationToken ct = default) => ListAsync(db.ExportRequests, ct);

    /// <summary>One request: its requester's, or (<paramref name="anyone"/>) for the data protection officer.</summary>
    public async Task<ExportView?> GetAsync(Guid id, bool anyone, CancellationToken ct = default) =>
        (await ListAsync(db.ExportRequests.Where(r => r.Id == id && (anyone || r.RequesterId == staff.Id)), ct)).FirstOrDefault();

    public Task<ExportOutcome> ApproveAsync(Guid id, CancellationToken ct = default) => DecideAsync(id, ExportStatus.Approved, ct);

    public Task<ExportOutcome> RefuseAsync(Guid id, CancellationToken ct = default) => DecideAsync(id, ExportStatus.Refused, ct);

    private async Task<ExportOutcome> DecideAsync(Guid id, ExportStatus decision, CancellationToken ct)
    {
        var row = await db.ExportRequests.Include(r => r.Recipient).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row is null)
        {
            return new ExportOutcome(ExportRefusal.NotFound);
        }
        if (row.RequesterId == staff.Id)
        {
            return new ExportOutcome(ExportRefusal.OwnRequest, Message: "Exports.Error.OwnRequest");
        }
        if (StatusOf(row) != "requested")
        {
            return new ExportOutcome(ExportRefusal.Conflict, Message: "Exports.Error.State." + StatusOf(row));
        }
        if (decision == ExportStatus.Approved && row.Recipient!.RemovedAt is not null)
        {
            return new ExportOutcome(ExportRefusal.Conflict, Message: "Exports.Error.RecipientRemoved");
        }
        row.Status = decision;
        row.DecidedBy = staff.Id;
        row.DecidedAt = clock.GetUtcNow();
        try
        {
            await audit.SaveAsync(db, new AuditEvent(decision == ExportStatus.Approved ? "exports.approve" : "exports.refuse", "export", id.ToString()), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ExportOutcome(ExportRefusal.Conflict, Message: "Exports.Error.DecidedMeanwhile");
        }
        return new ExportOutcome(ExportRefusal.None, await ViewAsync(id, ct));
    }

    /// <summary>Trimmed text, or null when empty or holding characters plain text may not (controls, bidi overrides).</summary>
    private static string? Clean(string? text) => text?.Trim() is { Length: > 0 } t && PlainText.IsAllowed(t) ? t : null;

    private static byte[] PurposeContext(Guid id) => Encoding.ASCII.GetBytes("export-purpose:" + id.ToString("N"));

    private async Task<IReadOnlyList<ExportView>> ListAsync(IQueryable<ExportRequest> query, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().Include(r => r.Recipient).Include(r => r.Key).ToListAsync(ct);
        var offices = await db.FieldOffices.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        // Ordered here: SQLite cannot order by a DateTimeOffset; the ids are version 7, so they sort by time too.
        return rows.OrderByDescending(r => r.RequestedAt).Select(r => new ExportView(
            r.Id, r.RequesterId, OpenPurpose(r), View(r.Recipient!), r.Dataset, r.Columns.Split(','), r.FieldOfficeId is { } o ? offices[o] : null, r.District,
            StatusOf(r), r.RowsAtRequest, r.RequestedAt, ExpiresAt(r), r.DecidedBy, r.DecidedAt, r.ProducedAt, r.ProducedRows)).ToList();
    }

    private async Task<ExportView> ViewAsync(Guid id, CancellationToken ct) => (await ListAsync(db.ExportRequests.Where(r => r.Id == id), ct)).Single();

    private string OpenPurpose(ExportRequest r) =>
        r.Key?.Wrapped is null ? "" : Encoding.UTF8.GetString(FieldCipher.Open(sealer.OpenKey(r.Key), r.SealedPurpose, PurposeContext(r.Id)));

    private DateTimeOffset ExpiresAt(ExportRequest r) => r.RequestedAt.AddDays(options.ExpireAfterDays);

    private string StatusOf(ExportRequest r) =>
        r.Status is ExportStatus.Requested or ExportStatus.Approved && clock.GetUtcNow() >= ExpiresAt(r) ? "expired" : r.Status.ToString().ToLowerInvariant();

    private static RecipientView View(ExportRecipient r) => new(r.Id, r.Name, r.Organisation, r.Fingerprint, r.AddedBy, r.AddedAt);
}
