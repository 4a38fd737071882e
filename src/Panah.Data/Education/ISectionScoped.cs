using Panah.Data.Access;

namespace Panah.Data.Education;

/// <summary>
/// A learner's row in a section (an enrolment, an attendance mark, an exam result…): filtered like every household's
/// row, and also shown to the section's teacher, whose scope carries their sections rather than offices.
/// </summary>
public interface ISectionScoped : IHouseholdScoped
{
    int SectionId { get; }
}
