using Panah.Core.Education;

namespace Panah.Data.Education;

/// <summary>A Turkish course at one CEFR level (A1–C2), with the guided hours the level takes at this NGO.</summary>
public sealed class Course
{
    public int Id { get; set; }
    public CefrLevel Level { get; set; }
    public required string Name { get; set; }
    public int GuidedHours { get; set; }
    public long Version { get; set; }
}
