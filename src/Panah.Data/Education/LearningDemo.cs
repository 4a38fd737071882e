using Microsoft.EntityFrameworkCore;
using Panah.Core.Education;
using Panah.Data.Access;
using Panah.Data.Demo;

namespace Panah.Data.Education;

/// <summary>
/// The registers of the demo's running class, taken as a teacher would: most learners present, a few late or absent,
/// and one learner away for the last three sessions, so the register shows a follow-up call due and the risk scores differ.
/// </summary>
public sealed class LearningDemo(PanahDbContext db, AccessScope scope, AttendanceRegister register, TimeProvider clock) : IDemoPart
{
    public int Order => 75;

    public string Name => "Registers of the running Turkish class";

    public async Task SeedAsync(CancellationToken ct)
    {
        scope.Everything("demo: class registers");
        if (await db.AttendanceMarks.AnyAsync(ct))
        {
            return;
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var sessions = await db.ClassSessions.AsNoTracking().Where(s => s.Date <= today).OrderBy(s => s.SectionId).ThenBy(s => s.Date).ToListAsync(ct);
        foreach (var section in sessions.GroupBy(s => s.SectionId))
        {
            var learners = await db.Enrolments.AsNoTracking().Where(e => e.SectionId == section.Key && e.Status == EnrolmentStatus.Enrolled)
                .OrderBy(e => e.SeatNumber).Select(e => e.Id).ToListAsync(ct);
            var held = section.ToList();
            for (var s = 0; s < held.Count; s++)
            {
                var marks = new Dictionary<Guid, Attendance>();
                for (var k = 0; k < learners.Count; k++)
                {
                    // Learner 1 stays away from the last three sessions; the others now and then.
                    var mark = k == 1 && s >= held.Count - 3 ? Attendance.Absent
                        : (k * 7 + s) % 13 == 0 ? Attendance.Absent
                        : (k * 5 + s) % 11 == 0 ? Attendance.Late
                        : (k + s) % 17 == 0 ? Attendance.Excused
                        : Attendance.Present;
                    if (mark != Attendance.Present)
                    {
                        marks[learners[k]] = mark;
                    }
                }
                await register.SaveAsync(held[s].Id, marks, ct);
            }
        }
    }
}
