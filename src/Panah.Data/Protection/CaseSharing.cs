using Microsoft.EntityFrameworkCore;
using Panah.Core.Protection;
using Panah.Core.Registry;
using Panah.Data.Access;
using Panah.Data.Entities;
using Panah.Data.Registry;

namespace Panah.Data.Protection;

/// <summary>
/// What a case may share and whether it may be shared now: the person's consents read from their registry record
/// (the one consent rule, <see cref="SharingConsent"/>), or the override of the case's supervisor with a reason.
/// </summary>
public sealed class CaseSharing(PanahDbContext db, AccessScope scope, UnscopedReads unscoped, RegistrySealer keys, ConsentRules rules, TimeProvider clock)
{
    /// <summary>The fields a referral may share, each chosen on its own.</summary>
    public static readonly IReadOnlyList<string> Fields = ["name", "type", "risk", "summary", "needs", "risks", "strengths", "careArrangement"];

    /// <summary>
    /// Refuses (with the missing purposes in the code) unless consent is in force or the case's supervisor overrides
    /// with a reason; an override from anyone else is refused. Returns whether it was an override.
    /// </summary>
    public async Task<SharingDecision> CheckAsync(ProtectionCase row, Sharing sharing, string? overrideReason, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(overrideReason) && !scope.Supervises(row.TeamId))
        {
            throw new CaseRefusedException("Protection.OverrideSupervisorOnly");
        }
        var decision = SharingConsent.Decide(rules, await ConsentsAsync(row, ct), sharing, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), overrideReason);
        if (!decision.Allowed)
        {
            throw new CaseRefusedException("Protection.ConsentMissing");
        }
        return decision;
    }

    /// <summary>The values of <paramref name="fields"/> as they are now: exactly what is shared.</summary>
    public async Task<Dictionary<string, string?>> SnapshotAsync(ProtectionCase row, byte[] key, IReadOnlyList<string> fields, CancellationToken ct)
    {
        var details = CaseSealer.OpenCase(key, row);
        // Ordered in memory: SQLite cannot order by a DateTimeOffset, and a case has a handful of assessments.
        var latest = (await db.CaseAssessments.AsNoTracking().Where(a => a.CaseId == row.Id).ToListAsync(ct)).MaxBy(a => a.RecordedAt);
        var assessment = latest is null ? null : CaseSealer.Open<AssessmentDetails>(key, "assessment", latest.Id, latest.Sealed);
        return fields.ToDictionary(f => f, f => f switch
        {
            "name" => details.Name,
            "type" => row.Type.ToString(),
            "risk" => row.Risk.ToString(),
            "summary" => details.Summary,
            "needs" => assessment?.Needs,
            "risks" => assessment?.Risks,
            "strengths" => assessment?.Strengths,
            "careArrangement" => assessment?.CareArrangement,
            _ => throw new CaseRefusedException("Protection.FieldUnknown"),
        });
    }

    /// <summary>
    /// The consents on the person's registry record, whatever office it is in: the case worker sees the case, not
    /// necessarily the record. A case opened without a registered person has no consent recorded: only an override shares it.
    /// </summary>
    private async Task<IReadOnlyList<Consent>> ConsentsAsync(ProtectionCase row, CancellationToken ct)
    {
        if (row.PersonId is not { } personId)
        {
            return [];
        }
        var people = await unscoped.AllAsync<PersonRecord>("case.sharing.consent", ct);
        var person = await people.AsNoTracking().Include(p => p.Key).FirstOrDefaultAsync(p => p.Id == personId, ct);
        return person?.Key?.Wrapped is null ? [] : RegistrySealer.OpenPerson(keys.OpenKey(person.Key), person).Consents;
    }
}
