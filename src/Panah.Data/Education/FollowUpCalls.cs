using Microsoft.EntityFrameworkCore;
using Panah.Data.Access;
using Panah.Data.Audit;
using Panah.Data.Validation;

namespace Panah.Data.Education;

/// <summary>
/// The call a flagged learner is owed, and its result: the teacher or coordinator who made the call records what came
/// of it (reached, not reached, will return, leaving), which closes the follow-up. The outcome is all that is kept: a
/// call's content is not the teacher's to write down.
/// </summary>
public sealed class FollowUpCalls(PanahDbContext db, AuditLog audit, ActingStaff staff, TimeProvider clock)
{
    public const string AlreadyDone = "FollowUp.AlreadyDone";
    public const string UnknownOutcome = "FollowUp.UnknownOutcome";

    /// <summary>
    /// Records a call's outcome, closing every follow-up of that learner still open; null when the follow-up does not
    /// exist or is not in the reader's sections.
    /// </summary>
    /// <exception cref="FieldException">The outcome is not one of the four, or the follow-up was already closed.</exception>
    public async Task<FollowUp?> RecordAsync(Guid followUpId, FollowUpOutcome outcome, CancellationToken ct = default)
    {
        // The section filter decides: a teacher's own sections, a coordinator's offices.
        var followUp = await db.FollowUps.FirstOrDefaultAsync(f => f.Id == followUpId, ct);
        if (followUp is null)
        {
            return null;
        }
        if (!Enum.IsDefined(outcome))
        {
            throw new FieldException("outcome", UnknownOutcome);
        }
        if (followUp.DoneAt is not null)
        {
            throw new FieldException("", AlreadyDone);
        }
        // One call answers every reason the learner was flagged for.
        var open = await db.FollowUps.Where(f => f.EnrolmentId == followUp.EnrolmentId && f.DoneAt == null).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var call in open)
        {
            call.DoneAt = now;
            call.Outcome = outcome;
            call.DoneBy = staff.Id;
        }
        await db.SaveChangesAsync(ct);
        await audit.SaveAsync(db, new AuditEvent("education.followup.done", "follow-up", followUp.Id.ToString(), $"outcome={outcome}")
        {
            People = [followUp.PersonId],
        }, ct);
        return followUp;
    }
}
