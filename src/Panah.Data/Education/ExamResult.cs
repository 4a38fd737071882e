using Panah.Core.Education;

namespace Panah.Data.Education;

/// <summary>A learner's score in one skill of the level's exam; attempt 2 is the retake of a failed skill.</summary>
public sealed class ExamResult : ISectionScoped
{
    public Guid Id { get; set; }
    public Guid EnrolmentId { get; set; }
    public int SectionId { get; set; }
    public Guid PersonId { get; set; }
    public Guid HouseholdId { get; set; }
    public int FieldOfficeId { get; set; }
    public ExamSkill Skill { get; set; }
    public int Attempt { get; set; } = 1;
    public decimal Score { get; set; }
    public decimal MaxScore { get; set; }
    public DateOnly TakenOn { get; set; }
    public required string RecordedBy { get; set; }
}
