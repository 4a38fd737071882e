using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Panah.Core.Education;
using Panah.Core.Registry;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Erasure;
using Panah.Data.Registry;
using NameKey = Panah.Matching.NameKey;

namespace Panah.Data.Education;

/// <summary>What the public verification page may say about a certificate, and nothing more.</summary>
public sealed record CertificateCheck(bool Valid, CefrLevel Level, DateOnly IssuedOn, string HolderInitials);

/// <summary>
/// Certificates of passed levels: issued with a number and a random verification token, printed as a PDF with the
/// holder's name, and checked by anyone holding the token. The public check reveals validity, level, date and the
/// holder's initials only: a stranger learns neither who the holder is nor that they were a refugee learner.
/// </summary>
public sealed class Certificates(PanahDbContext db, RegistrySealer sealer, UnscopedReads unscoped, AuditLog audit, IConfiguration configuration, EducationOptions options)
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>Adds the certificate of a passed enrolment to the context (the caller saves).</summary>
    public async Task<Certificate> IssueAsync(Enrolment enrolment, CefrLevel level, DateOnly on, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Include(p => p.Key).FirstAsync(p => p.Id == enrolment.PersonId, ct);
        var details = RegistrySealer.OpenPerson(sealer.OpenKey(person.Key!), person);
        var certificate = new Certificate
        {
            Id = Guid.CreateVersion7(), EnrolmentId = enrolment.Id, SectionId = enrolment.SectionId, PersonId = enrolment.PersonId,
            HouseholdId = enrolment.HouseholdId, FieldOfficeId = enrolment.FieldOfficeId,
            Number = $"{options.CertificatePrefix}-{on.Year}-{Random(8)}", VerificationToken = Token(), Level = level, IssuedOn = on,
            HolderInitials = Initials(PrintedName(details)),
        };
        db.Certificates.Add(certificate);
        return certificate;
    }

    /// <summary>The certificate as a PDF, or null when out of scope; the print is audited.</summary>
    public async Task<(byte[] Pdf, string Number)?> PdfAsync(Guid certificateId, Func<string, string> verifyUrl, CertificateLabels turkish, CertificateLabels english, CancellationToken ct = default)
    {
        var row = await db.Certificates.AsNoTracking().Where(c => c.Id == certificateId)
            .Join(db.Enrolments, c => c.EnrolmentId, e => e.Id, (c, e) => new { c, e.SectionId })
            .Join(db.ClassSections.Include(s => s.Course), x => x.SectionId, s => s.Id, (x, s) => new { x.c, s.FieldOfficeId, s.Course!.GuidedHours })
            .FirstOrDefaultAsync(ct);
        if (row is null || !db.Scope.CoversSection(row.c.SectionId, row.FieldOfficeId))
        {
            return null;
        }
        var person = await db.People.AsNoTracking().Include(p => p.Key).FirstOrDefaultAsync(p => p.Id == row.c.PersonId, ct);
        if (person is null || person.Key!.IsErased())
        {
            return null;
        }
        var name = PrintedName(RegistrySealer.OpenPerson(sealer.OpenKey(person.Key!), person)).CutName(db.Scope.Fields);
        var printed = new PrintedCertificate(row.c.Number, name.Display, row.c.Level.ToString(), row.GuidedHours, row.c.IssuedOn, verifyUrl(row.c.VerificationToken), options.CertificateIssuer);
        var pdf = CertificateDocument.Render(printed, turkish, english, configuration);
        await audit.SaveAsync(db, new AuditEvent("education.certificate.print", "certificate", certificateId.ToString()) { People = [row.c.PersonId] }, ct);
        return (pdf, row.c.Number);
    }

    /// <summary>The public check of a token, or null when no certificate has it. Anyone may ask, so the read is past the scope, and audited.</summary>
    public async Task<CertificateCheck?> CheckAsync(string token, CancellationToken ct = default)
    {
        // A token is 43 characters of base64url; anything else is not one, and costs no query.
        if (token.Length != 43 || token.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return null;
        }
        var certificates = await unscoped.AllAsync<Certificate>("certificate.verify", ct);
        return await certificates.AsNoTracking().Where(c => c.VerificationToken == token)
            .Select(c => new CertificateCheck(c.RevokedOn == null, c.Level, c.IssuedOn, c.HolderInitials)).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// The name a certificate in Turkish and English prints: a Latin-script spelling (Turkish, then Uyghur Latin) when
    /// the record has one; a name registered only in Uyghur Arabic script transliterated to Uyghur Latin (the matcher's
    /// transliteration, <see cref="NameKey.Latin"/>).
    /// </summary>
    public static PersonName PrintedName(PersonDetails details) =>
        details.AllNames().FirstOrDefault(n => n.Script == NameScript.Turkish)
        ?? details.AllNames().FirstOrDefault(n => n.Script == NameScript.UyghurLatin)
        ?? (details.Name.Script == NameScript.UyghurArabic ? InLatin(details.Name) : details.Name);

    private static PersonName InLatin(PersonName name) => new(
        NameScript.UyghurLatin, NameKey.Latin(name.Given), name.Family is null ? null : NameKey.Latin(name.Family), name.Father is null ? null : NameKey.Latin(name.Father));

    /// <summary>"A. T.": the first letter of the given and family names, upper-cased as Turkish does (i → İ).</summary>
    public static string Initials(PersonName name)
    {
        var turkish = CultureInfo.GetCultureInfo("tr-TR");
        var parts = new[] { name.Given, name.Family }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim());
        return string.Join(" ", parts.Select(p => char.ToUpper(p[0], turkish) + "."));
    }

    private static string Token() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Random(int length) => string.Create(length, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
    });
}
