using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Panah.Core;
using Panah.Core.Registry;
using Panah.Data.Audit;
using Panah.Data.Entities;
using Panah.Data.Registry;

namespace Panah.Data.Exports;

public sealed partial class ExportGate
{
    public const string ProduceAction = "export.produce";

    /// <summary>
    /// The approved export's file, for its requester, once. The rows are read through the requester's scope (this
    /// request's), written as CSV straight into the OpenPGP cipher, and only then is the export marked produced with its
    /// audit entry, in one transaction: a failure leaves nothing produced and nothing sent.
    /// </summary>
    public async Task<(ExportOutcome Outcome, ExportFile? File)> ProduceAsync(Guid id, CancellationToken ct = default)
    {
        var row = await db.ExportRequests.Include(r => r.Recipient).FirstOrDefaultAsync(r => r.Id == id && r.RequesterId == staff.Id, ct);
        if (row is null)
        {
            return (new ExportOutcome(ExportRefusal.NotFound), null);
        }
        if (StatusOf(row) != "approved")
        {
            return (new ExportOutcome(ExportRefusal.Conflict, Message: "Exports.Error.State." + StatusOf(row)), null);
        }
        var columns = row.Columns.Split(',');
        if (row.Recipient!.RemovedAt is not null || OpenPgp.Read(row.Recipient.ArmouredKey) is not { } key)
        {
            return (new ExportOutcome(ExportRefusal.Conflict, Message: "Exports.Error.RecipientKeyGone"), null);
        }
        if (ExportColumns.Problem(row.Dataset, columns, scope.Fields) is { } problem)
        {
            return (new ExportOutcome(ExportRefusal.Conflict, Message: problem), null);
        }
        var now = clock.GetUtcNow();
        var fileName = $"export-{id}.csv";
        using var encrypted = new MemoryStream();
        var (rows, people) = row.Dataset == ExportDataset.People
            ? await WritePeopleAsync(encrypted, key, fileName, id, columns, row.FieldOfficeId, row.District, now, ct)
            : await WriteHouseholdsAsync(encrypted, key, fileName, id, columns, row.FieldOfficeId, row.District, now, ct);
        row.Status = ExportStatus.Produced;
        row.ProducedAt = now;
        row.ProducedRows = rows;
        try
        {
            await audit.SaveAsync(db, new AuditEvent(ProduceAction, "export", id.ToString(),
                $"to {row.Recipient.Name} ({row.Recipient.Organisation}), export {id}, {rows} rows of {row.Dataset.ToString().ToLowerInvariant()}, key {row.Recipient.Fingerprint}")
            { People = people }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (new ExportOutcome(ExportRefusal.Conflict, Message: "Exports.Error.ProducedMeanwhile"), null);
        }
        return (new ExportOutcome(ExportRefusal.None), new ExportFile(id, encrypted.ToArray(), rows, fileName + ".gpg"));
    }

    /// <summary>The people of the export's filter in the requester's scope (merged and erased records are not people any more).</summary>
    private IQueryable<PersonRecord> People(int? office, string? district) =>
        db.People.AsNoTracking().Where(p => p.MergedIntoId == null && p.Key!.Wrapped != null
            && (office == null || p.FieldOfficeId == office) && (district == null || p.District == district));

    private IQueryable<HouseholdRecord> Households(int? office, string? district) =>
        db.Households.AsNoTracking().Where(h => h.Key!.Wrapped != null && (office == null || h.FieldOfficeId == office) && (district == null || h.District == district));

    private async Task<(int Rows, List<Guid> People)> WritePeopleAsync(
        Stream to, OpenPgp.RecipientKey key, string fileName, Guid id, string[] columns, int? office, string? district, DateTimeOffset now, CancellationToken ct)
    {
        var opens = columns.Any(ExportColumns.Sealed.Contains);
        var query = People(office, district).OrderBy(p => p.Id);
        var rows = opens
            ? await query.Select(p => new { Person = p, p.Key, Code = p.Household!.Code }).ToListAsync(ct)
            : await query.Select(p => new
            {
                Person = new PersonRecord { Id = p.Id, District = p.District, Sex = p.Sex, BirthYear = p.BirthYear, Relationship = p.Relationship, Sealed = Array.Empty<byte>() },
                Key = (DataKey?)null,
                Code = p.Household!.Code,
            }).ToListAsync(ct);
        OpenPgp.Encrypt(to, key.EncryptionKey, fileName, now.UtcDateTime, plain =>
        {
            using var text = new StreamWriter(plain, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            using var csv = CsvText.Writer(text, [ExportColumns.Watermark, .. columns]);
            var exportId = id.ToString();
            foreach (var r in rows)
            {
                var p = r.Person;
                var details = opens ? RegistrySealer.OpenPerson(sealer.OpenKey(r.Key!), p) : null;
                using var line = csv.NewRow();
                line[ExportColumns.Watermark].Set(exportId);
                foreach (var c in columns)
                {
                    line[c].Set(c switch
                    {
                        "household_code" => r.Code,
                        "district" => CsvText.Safe(p.District),
                        "sex" => p.Sex.ToString().ToLowerInvariant(),
                        "age_group" => p.BirthYear is { } y ? AgeLabel(AgeGroups.FromAge(Math.Max(0, now.Year - y))) : "",
                        "relationship" => p.Relationship.ToString().ToLowerInvariant(),
                        "name" => CsvText.Safe(details!.Name.Display),
                        "birth_date" => details!.BirthDate?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                        "phone" => CsvText.Safe(details!.Phone),
                        _ => "",
                    });
                }
            }
        });
        return (rows.Count, rows.Select(r => r.Person.Id).ToList());
    }

    private async Task<(int Rows, List<Guid> People)> WriteHouseholdsAsync(
        Stream to, OpenPgp.RecipientKey key, string fileName, Guid id, string[] columns, int? office, string? district, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await Households(office, district).OrderBy(h => h.Id)
            .Select(h => new { h.Id, h.Code, h.District, h.Status, h.RegisteredOn, h.MemberCount }).ToListAsync(ct);
        var ids = rows.Select(h => h.Id).ToHashSet();
        // Each household's members are the people the file is about: named in the audit entry, so their subject access lists it.
        var members = (await People(office, district).Select(p => new { p.Id, p.HouseholdId }).ToListAsync(ct))
            .Where(p => ids.Contains(p.HouseholdId)).Select(p => p.Id).ToList();
        OpenPgp.Encrypt(to, key.EncryptionKey, fileName, now.UtcDateTime, plain =>
        {
            using var text = new StreamWriter(plain, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            using var csv = CsvText.Writer(text, [ExportColumns.Watermark, .. columns]);
            var exportId = id.ToString();
            foreach (var h in rows)
            {
                using var line = csv.NewRow();
                line[ExportColumns.Watermark].Set(exportId);
                foreach (var c in columns)
                {
                    line[c].Set(c switch
                    {
                        "household_code" => h.Code,
                        "district" => CsvText.Safe(h.District),
                        "status" => h.Status.ToString().ToLowerInvariant(),
                        "registered_on" => h.RegisteredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        "member_count" => h.MemberCount.ToString(CultureInfo.InvariantCulture),
                        _ => "",
                    });
                }
            }
        });
        return (rows.Count, members);
    }

    /// <summary>The UNHCR bracket as the file writes it.</summary>
    public static string AgeLabel(AgeGroup age) => age switch
    {
        AgeGroup.Under5 => "0-4",
        AgeGroup.From5To11 => "5-11",
        AgeGroup.From12To17 => "12-17",
        AgeGroup.From18To59 => "18-59",
        _ => "60+",
    };
}
