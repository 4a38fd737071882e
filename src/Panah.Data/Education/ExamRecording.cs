using Microsoft.EntityFrameworkCore;
using Panah.Core.Education;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Validation;

namespace Panah.Data.Education;

/// <summary>A learner's exam as recorded: the scores of each sitting, the verdict, and the certificate once passed.</summary>
public sealed record ExamView(Guid EnrolmentId, CefrLevel Level, IReadOnlyDictionary<ExamSkill, decimal> FirstSitting, DateOnly? SatOn,
    IReadOnlyDictionary<ExamSkill, decimal> Retake, ExamVerdict? Verdict, bool MaySit, Guid? CertificateId, string? CertificateNumber);

/// <summary>
/// Records a learner's level exam: the four skills at the first sitting (only for a learner the attendance rule lets
/// sit it), then at most the retake of the failed skills the exam rule allows, within its days. A pass completes the
/// enrolment, issues the certificate and puts the learner on the next level's waitlist.
/// </summary>
public sealed class ExamRecording(PanahDbContext db, AttendanceStandings standings, Certificates certificates, UnscopedReads unscoped, AuditLog audit, ActingStaff staff, TimeProvider clock, EducationOptions options)
{
    public const string AttendanceTooLow = "Exam.AttendanceTooLow";
    public const string AllSkills = "Exam.AllSkills";
    public const string ScoreRange = "Exam.ScoreRange";
    public const string AlreadyRecorded = "Exam.AlreadyRecorded";
    public const string RetakeNotAllowed = "Exam.RetakeNotAllowed";
    public const string RetakeTooLate = "Exam.RetakeTooLate";
    public const string NotEnrolled = "Exam.NotEnrolled";

    public async Task<ExamView?> GetAsync(Guid enrolmentId, CancellationToken ct = default)
    {
        if (await EnrolmentAsync(enrolmentId, ct) is not { } found)
        {
            return null;
        }
        var results = await db.ExamResults.AsNoTracking().Where(r => r.EnrolmentId == enrolmentId).ToListAsync(ct);
        var first = results.Where(r => r.Attempt == 1).ToDictionary(r => r.Skill, r => r.Score);
        var retake = results.Where(r => r.Attempt == 2).ToDictionary(r => r.Skill, r => r.Score);
        var satOn = results.Where(r => r.Attempt == 1).Select(r => (DateOnly?)r.TakenOn).FirstOrDefault();
        var verdict = first.Count == 0 ? null
            : retake.Count > 0 ? ExamRule.WithRetake(first, satOn!.Value, retake, results.First(r => r.Attempt == 2).TakenOn, options.Exam)
            : ExamRule.Evaluate(first, options.Exam);
        var certificate = await db.Certificates.AsNoTracking().Where(c => c.EnrolmentId == enrolmentId).Select(c => new { c.Id, c.Number }).FirstOrDefaultAsync(ct);
        var maySit = (await standings.OfAsync(found.Enrolment, ct)).CanStillQualify;
        await audit.SaveAsync(db, new AuditEvent("education.exam.view", "enrolment", enrolmentId.ToString()) { People = [found.Enrolment.PersonId] }, ct);
        return new ExamView(enrolmentId, found.Level, first, satOn, retake, verdict, maySit, certificate?.Id, certificate?.Number);
    }

    /// <summary>Records a sitting: the first (all four skills) or the retake (the failed skills only). Null when out of scope.</summary>
    public async Task<ExamView?> RecordAsync(Guid enrolmentId, IReadOnlyDictionary<ExamSkill, decimal> scores, DateOnly takenOn, CancellationToken ct = default)
    {
        if (await EnrolmentAsync(enrolmentId, ct) is not { } found)
        {
            return null;
        }
        var enrolment = found.Enrolment;
        if (enrolment.Status != EnrolmentStatus.Enrolled)
        {
            throw new FieldException("", NotEnrolled);
        }
        if (scores.Any(s => !Enum.IsDefined(s.Key) || s.Value < 0 || s.Value > options.Exam.SkillMaximum))
        {
            throw new FieldException("scores", ScoreRange);
        }
        var earlier = await db.ExamResults.AsNoTracking().Where(r => r.EnrolmentId == enrolmentId).ToListAsync(ct);
        var attempt = earlier.Count == 0 ? 1 : 2;
        ExamVerdict verdict;
        if (attempt == 1)
        {
            if (ExamRule.Skills.Any(s => !scores.ContainsKey(s)))
            {
                throw new FieldException("scores", AllSkills);
            }
            if (!(await standings.OfAsync(enrolment, ct)).CanStillQualify)
            {
                throw new FieldException("", AttendanceTooLow);
            }
            verdict = ExamRule.Evaluate(scores, options.Exam);
        }
        else
        {
            if (earlier.Any(r => r.Attempt == 2))
            {
                throw new FieldException("", AlreadyRecorded);
            }
            var first = earlier.ToDictionary(r => r.Skill, r => r.Score);
            var satOn = earlier[0].TakenOn;
            if (!ExamRule.RetakeInTime(satOn, takenOn, options.Exam))
            {
                throw new FieldException("takenOn", RetakeTooLate);
            }
            try
            {
                verdict = ExamRule.WithRetake(first, satOn, scores, takenOn, options.Exam);
            }
            catch (InvalidOperationException)
            {
                throw new FieldException("scores", RetakeNotAllowed);
            }
        }
        foreach (var (skill, score) in scores)
        {
            db.ExamResults.Add(new ExamResult
            {
                Id = Guid.CreateVersion7(), EnrolmentId = enrolmentId, SectionId = enrolment.SectionId, PersonId = enrolment.PersonId,
                HouseholdId = enrolment.HouseholdId, FieldOfficeId = enrolment.FieldOfficeId, Skill = skill, Attempt = attempt,
                Score = score, MaxScore = options.Exam.SkillMaximum, TakenOn = takenOn, RecordedBy = staff.Id,
            });
        }
        if (verdict.Outcome is ExamOutcome.Passed or ExamOutcome.Failed)
        {
            await CompleteAsync(enrolment, found.Level, verdict.Outcome == ExamOutcome.Passed, takenOn, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Two people recorded the same sitting at once: the first stands.
            throw new FieldException("", AlreadyRecorded);
        }
        await audit.SaveAsync(db, new AuditEvent("education.exam.record", "enrolment", enrolmentId.ToString(), $"attempt={attempt} outcome={verdict.Outcome}")
        {
            People = [enrolment.PersonId],
        }, ct);
        return await GetAsync(enrolmentId, ct);
    }

    /// <summary>The course is over for this learner: a pass earns the certificate and a place on the next level's waitlist.</summary>
    private async Task CompleteAsync(Enrolment enrolment, CefrLevel level, bool passed, DateOnly on, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var tracked = await db.Enrolments.FirstAsync(e => e.Id == enrolment.Id, ct);
        tracked.Status = EnrolmentStatus.Completed;
        tracked.EndedAt = now;
        tracked.Version++;
        var application = await db.ClassApplications.FirstAsync(a => a.Id == enrolment.ApplicationId, ct);
        application.Status = ApplicationStatus.Completed;
        application.Version++;
        if (!passed)
        {
            return;
        }
        await certificates.IssueAsync(tracked, level, on, ct);
        // Whether the learner already applied for the next level is asked of every office's applications: a teacher sees
        // only their own sections' ones, and a second application would put the learner on the waitlist twice.
        var applications = await unscoped.AllAsync<ClassApplication>("education.next-level", ct);
        if (level < CefrLevel.C2 && !await applications.AnyAsync(a => a.PersonId == enrolment.PersonId && a.Level == level + 1 && a.Status <= ApplicationStatus.Enrolled, ct))
        {
            db.ClassApplications.Add(new ClassApplication
            {
                Id = Guid.CreateVersion7(), PersonId = application.PersonId, HouseholdId = application.HouseholdId, FieldOfficeId = application.FieldOfficeId,
                Level = level + 1, SiteOfficeId = application.SiteOfficeId, TimeOfDay = application.TimeOfDay, WomenOnly = application.WomenOnly,
                CrecheChildren = application.CrecheChildren, ResidencePermitNeedsTurkish = application.ResidencePermitNeedsTurkish,
                WorkNeedsTurkish = application.WorkNeedsTurkish, IsWoman = application.IsWoman, WomanHeadOfHousehold = application.WomanHeadOfHousehold,
                AppliedAt = now, Status = ApplicationStatus.Waiting,
            });
        }
    }

    private sealed record Found(Enrolment Enrolment, CefrLevel Level);

    /// <summary>The enrolment (through the scope) and its course's level, when its section is in scope too.</summary>
    private async Task<Found?> EnrolmentAsync(Guid enrolmentId, CancellationToken ct)
    {
        var row = await db.Enrolments.AsNoTracking().Where(e => e.Id == enrolmentId)
            .Join(db.ClassSections.Include(s => s.Course), e => e.SectionId, s => s.Id, (e, s) => new { e, s.Id, s.FieldOfficeId, s.Course!.Level })
            .FirstOrDefaultAsync(ct);
        return row is not null && db.Scope.CoversSection(row.Id, row.FieldOfficeId) ? new Found(row.e, row.Level) : null;
    }
}
