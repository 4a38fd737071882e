using Microsoft.EntityFrameworkCore;
using Panah.Core.Protection;
using Panah.Core.Registry;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Matching;

namespace Panah.Data.Protection;

/// <summary>
/// Family tracing: the case's owner opens a request for a relative (names in any script, sealed); the registry is
/// probed with the duplicate matcher on the names only and each candidate kept as its strength, its identity sealed.
/// The owner asks the supervisor to reveal one (<see cref="ApprovalSubject.TracingReveal"/>); once approved the
/// owner sees the household's code and the field office to contact. A case outside the scope is not found (null: 404).
/// </summary>
public sealed class TracingRequests(PanahDbContext db, AccessScope scope, UnscopedReads unscoped, AuditLog audit, CaseReads reads, CaseWork work, MatchCheck matcher, TimeProvider clock)
{
    public const int MaxText = 200;

    /// <summary>Candidates kept per request, and the least probability worth telling.</summary>
    public const int Top = 5;
    public const double Minimum = 0.2;

    public async Task<List<TracingView>?> OfCaseAsync(Guid caseId, CancellationToken ct = default)
    {
        if (await reads.FindAsync(caseId, "case.tracing", ct) is not { } row)
        {
            return null;
        }
        return await ViewAsync(row, reads.KeyOf(row), ct);
    }

    /// <summary>The tracing requests of a case already read (and audited) by the caller.</summary>
    public async Task<List<TracingView>> ViewAsync(ProtectionCase row, byte[] key, CancellationToken ct = default)
    {
        var requests = (await db.TracingRequests.AsNoTracking().Where(r => r.CaseId == row.Id).ToListAsync(ct)).OrderByDescending(r => r.CreatedAt).ToList();
        var result = new List<TracingView>();
        foreach (var r in requests)
        {
            result.Add(await ViewAsync(r, key, ct));
        }
        return result;
    }

    public async Task<TracingView?> GetAsync(Guid requestId, CancellationToken ct = default)
    {
        var request = await db.TracingRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || await reads.FindAsync(request.CaseId, "case.tracing", ct) is not { } row)
        {
            return null;
        }
        return await ViewAsync(request, reads.KeyOf(row), ct);
    }

    /// <summary>Opens a request and probes the registry at once (the owner, at the version read).</summary>
    public async Task<TracingView?> OpenAsync(Guid caseId, long expectedVersion, TracingInput input, CancellationToken ct = default)
    {
        if (await work.OwnedAsync(caseId, expectedVersion, ct) is not { } row)
        {
            return null;
        }
        if (CaseStages.IsClosed(row.Facts))
        {
            throw new CaseRefusedException("Protection.AlreadyClosed");
        }
        var given = Text(input.Given);
        var spellings = input.OtherSpellings.Select(Text).OfType<string>().Distinct().Take(10).ToList();
        var texts = new[] { given, Text(input.Family), Text(input.Father), Text(input.Relation), Text(input.LastKnownPlace) };
        if (given is null || Text(input.Relation) is null || texts.Any(t => t is { Length: > MaxText }) || spellings.Any(s => s.Length > MaxText))
        {
            throw new CaseRefusedException("ProtectionCase.TracingInvalid");
        }
        var details = new TracingDetails(given, Text(input.Family), Text(input.Father), spellings, Text(input.Relation)!, Text(input.LastKnownPlace));
        var now = clock.GetUtcNow();
        var key = reads.KeyOf(row);
        var request = new TracingRequest { Id = Guid.CreateVersion7(), CaseId = caseId, CreatedBy = scope.StaffUserId!, CreatedAt = now, SearchedAt = matcher.IsReady ? now : null, Sealed = [] };
        request.Sealed = CaseSealer.Seal(key, "tracing", request.Id, details);
        db.TracingRequests.Add(request);
        foreach (var (personId, probability) in await ProbeAsync(details, ct))
        {
            var match = new TracingMatch { Id = Guid.CreateVersion7(), CaseId = caseId, RequestId = request.Id, Probability = probability, FoundAt = now, Sealed = [] };
            match.Sealed = CaseSealer.Seal(key, "tracing.match", match.Id, new TracingCandidate(personId));
            db.TracingMatches.Add(match);
        }
        CaseWork.Touch(row, now);
        await work.SaveAsync(new AuditEvent("case.tracing.open", "protection-case", caseId.ToString(), $"request={request.Id}") { People = row.PersonId is { } p ? [p] : [] }, ct);
        return await ViewAsync(request, key, ct);
    }

    /// <summary>
    /// Searches the registry again for a request (opened before the match index was ready, or people registered since):
    /// the owner, at the version read. A person found again keeps their match with the strength of today's probe, a
    /// new one is added; one no longer found goes, unless revealed or awaiting the supervisor. Audited.
    /// </summary>
    public async Task<TracingView?> SearchAgainAsync(Guid caseId, Guid requestId, long expectedVersion, CancellationToken ct = default)
    {
        var request = await db.TracingRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.CaseId == caseId, ct);
        if (request is null || await work.OwnedAsync(caseId, expectedVersion, ct) is not { } row)
        {
            return null;
        }
        if (CaseStages.IsClosed(row.Facts))
        {
            throw new CaseRefusedException("Protection.AlreadyClosed");
        }
        if (!matcher.IsReady)
        {
            throw new CaseRefusedException("ProtectionCase.TracingNotReady");
        }
        var key = reads.KeyOf(row);
        var found = await ProbeAsync(CaseSealer.Open<TracingDetails>(key, "tracing", request.Id, request.Sealed), ct);
        var now = clock.GetUtcNow();
        var matches = await db.TracingMatches.Where(m => m.RequestId == request.Id).ToListAsync(ct);
        var ids = matches.Select(m => (Guid?)m.Id).ToList();
        var pending = (await db.CaseApprovals.AsNoTracking()
            .Where(a => a.CaseId == caseId && a.Subject == ApprovalSubject.TracingReveal && a.Status == ApprovalStatus.Requested && ids.Contains(a.SubjectId)).Select(a => a.SubjectId).ToListAsync(ct)).ToHashSet();
        var byPerson = matches.ToDictionary(m => CaseSealer.Open<TracingCandidate>(key, "tracing.match", m.Id, m.Sealed).PersonId);
        var (added, updated) = (0, 0);
        foreach (var (personId, probability) in found)
        {
            if (byPerson.Remove(personId, out var known))
            {
                known.Probability = probability;
                updated++;
                continue;
            }
            var match = new TracingMatch { Id = Guid.CreateVersion7(), CaseId = caseId, RequestId = request.Id, Probability = probability, FoundAt = now, Sealed = [] };
            match.Sealed = CaseSealer.Seal(key, "tracing.match", match.Id, new TracingCandidate(personId));
            db.TracingMatches.Add(match);
            added++;
        }
        var gone = byPerson.Values.Where(m => m.RevealedAt is null && !pending.Contains(m.Id)).ToList();
        db.TracingMatches.RemoveRange(gone);
        request.SearchedAt = now;
        CaseWork.Touch(row, now);
        await work.SaveAsync(new AuditEvent("case.tracing.search", "protection-case", caseId.ToString(), $"request={request.Id} added={added} updated={updated} removed={gone.Count}")
            { People = row.PersonId is { } p ? [p] : [] }, ct);
        return await ViewAsync(request, key, ct);
    }

    /// <summary>The owner asks the team's supervisor to reveal who a match is.</summary>
    public async Task<ApprovalView?> RequestRevealAsync(Guid requestId, Guid matchId, long expectedVersion, string? comment, CancellationToken ct = default)
    {
        var match = await db.TracingMatches.AsNoTracking().FirstOrDefaultAsync(m => m.Id == matchId && m.RequestId == requestId, ct);
        if (match is null)
        {
            return null;
        }
        if (match.RevealedAt is not null)
        {
            throw new CaseRefusedException("ProtectionCase.TracingRevealed");
        }
        return await work.RequestApprovalAsync(match.CaseId, expectedVersion, ApprovalSubject.TracingReveal, match.Id, comment, ct);
    }

    /// <summary>Who the match is, for a reader of the case once the supervisor approved; refused before. Audited as a reveal.</summary>
    public async Task<TracingContact?> RevealAsync(Guid requestId, Guid matchId, CancellationToken ct = default)
    {
        var match = await db.TracingMatches.AsNoTracking().FirstOrDefaultAsync(m => m.Id == matchId && m.RequestId == requestId, ct);
        if (match is null || await reads.FindAsync(match.CaseId, "case.tracing.reveal", ct) is not { } row)
        {
            return null;
        }
        if (match.RevealedAt is null)
        {
            throw new CaseRefusedException("ProtectionCase.TracingRevealNotApproved");
        }
        var candidate = CaseSealer.Open<TracingCandidate>(reads.KeyOf(row), "tracing.match", match.Id, match.Sealed);
        var contact = await ContactAsync(candidate.PersonId, ct);
        await audit.SaveAsync(db, new AuditEvent("case.tracing.reveal", "protection-case", match.CaseId.ToString(), $"match={match.Id}") { People = [candidate.PersonId] }, ct);
        return contact;
    }

    /// <summary>The registry probed on the names only (every spelling a probe), best probability per person.</summary>
    private async Task<List<(Guid PersonId, double Probability)>> ProbeAsync(TracingDetails details, CancellationToken ct)
    {
        var names = new List<PersonName> { new(ScriptOf(details.Given + " " + details.Family), details.Given, details.Family, details.Father) };
        foreach (var spelling in details.OtherSpellings)
        {
            var parts = spelling.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            names.Add(new PersonName(ScriptOf(spelling), parts[0], parts.Length > 1 ? parts[1] : null, null));
        }
        var probes = names.Select(n => new PersonDetails { Name = n, Spellings = names.Where(o => o != n).ToList() }).ToList();
        var found = await matcher.CheckAsync(probes, null, Top, Minimum, ct);
        return found.SelectMany(f => f).GroupBy(m => m.Match.PersonId)
            .Select(g => (g.Key, g.Max(m => m.Match.Probability))).OrderByDescending(x => x.Item2).Take(Top).ToList();
    }

    private async Task<TracingContact?> ContactAsync(Guid personId, CancellationToken ct)
    {
        var people = await unscoped.AllAsync<Entities.PersonRecord>("case.tracing.reveal", ct);
        var merged = await people.AsNoTracking().Where(p => p.Id == personId).Select(p => p.MergedIntoId).FirstOrDefaultAsync(ct);
        var id = merged ?? personId;
        return await people.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new TracingContact(p.Household!.Code, p.Household.FieldOffice!.Code, p.Household.FieldOffice.Name)).FirstOrDefaultAsync(ct);
    }

    private async Task<TracingView> ViewAsync(TracingRequest r, byte[] key, CancellationToken ct)
    {
        var matches = (await db.TracingMatches.AsNoTracking().Where(m => m.RequestId == r.Id).ToListAsync(ct)).OrderByDescending(m => m.Probability).ToList();
        var ids = matches.Select(m => (Guid?)m.Id).ToList();
        var pending = (await db.CaseApprovals.AsNoTracking()
            .Where(a => a.CaseId == r.CaseId && a.Subject == ApprovalSubject.TracingReveal && a.Status == ApprovalStatus.Requested && ids.Contains(a.SubjectId)).Select(a => a.SubjectId).ToListAsync(ct)).ToHashSet();
        var views = new List<TracingMatchView>();
        foreach (var m in matches)
        {
            var contact = m.RevealedAt is null ? null : await ContactAsync(CaseSealer.Open<TracingCandidate>(key, "tracing.match", m.Id, m.Sealed).PersonId, ct);
            views.Add(new TracingMatchView(m.Id, Math.Round(m.Probability, 2), TracingStrengths.Of(m.Probability), m.FoundAt, pending.Contains(m.Id), m.RevealedAt, contact));
        }
        return new TracingView(r.Id, r.CaseId, r.CreatedAt, r.SearchedAt, CaseSealer.Open<TracingDetails>(key, "tracing", r.Id, r.Sealed), views);
    }

    /// <summary>The registry's script tag for a name typed in any script (the matcher folds them all alike).</summary>
    private static NameScript ScriptOf(string text) => Panah.Matching.NameKey.DetectScript(text) switch
    {
        Panah.Matching.NameScript.Arabic => NameScript.UyghurArabic,
        Panah.Matching.NameScript.Cyrillic => NameScript.Cyrillic,
        Panah.Matching.NameScript.Han => NameScript.Chinese,
        _ => NameScript.UyghurLatin,
    };

    private static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>A supervisor's approval of a reveal opens the match to the case's readers.</summary>
public sealed class TracingRevealEffect(PanahDbContext db, TimeProvider clock) : IApprovalEffect
{
    public ApprovalSubject Subject => ApprovalSubject.TracingReveal;

    public async Task ApplyAsync(ProtectionCase protectionCase, CaseApproval approval, bool approved, CancellationToken ct)
    {
        if (approved && await db.TracingMatches.FirstOrDefaultAsync(m => m.Id == approval.SubjectId && m.CaseId == protectionCase.Id, ct) is { } match)
        {
            match.RevealedAt = clock.GetUtcNow();
        }
    }
}
