namespace Panah.Core.Education;

/// <summary>
/// A CEFR level of Turkish. <see cref="A0"/> is a placement result only (a beginner below A1): nobody is taught
/// at A0, a beginner starts in an A1 course.
/// </summary>
public enum CefrLevel
{
    A0 = 0,
    A1 = 1,
    A2 = 2,
    B1 = 3,
    B2 = 4,
    C1 = 5,
    C2 = 6,
}
