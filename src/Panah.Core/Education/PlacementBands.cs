namespace Panah.Core.Education;

/// <summary>One band of placement scores: from <see cref="MinScore"/> up to the next band's minimum, placed at <see cref="Level"/>.</summary>
public sealed record PlacementBand(int MinScore, CefrLevel Level);

/// <summary>
/// Maps a placement test score (0–100) to a level. The defaults are Hitit TÖMER's bands: 0–29 A0 (beginner),
/// 30–49 A1, 50–59 A2, 60–69 B1, 70–79 B2, 80–89 C1, 90–100 C2. A beginner (A0, or no test at all) starts in A1.
/// </summary>
public sealed class PlacementBands
{
    public const int MaxScore = 100;

    public static IReadOnlyList<PlacementBand> Defaults { get; } =
    [
        new(0, CefrLevel.A0), new(30, CefrLevel.A1), new(50, CefrLevel.A2), new(60, CefrLevel.B1),
        new(70, CefrLevel.B2), new(80, CefrLevel.C1), new(90, CefrLevel.C2),
    ];

    public static PlacementBands Default { get; } = new(Defaults);

    private readonly PlacementBand[] bands;

    /// <exception cref="ArgumentException">The bands do not start at 0, or their scores or levels do not rise.</exception>
    public PlacementBands(IEnumerable<PlacementBand> configured)
    {
        bands = [.. configured];
        if (bands.Length == 0 || bands[0].MinScore != 0)
        {
            throw new ArgumentException("Placement bands must start at score 0.", nameof(configured));
        }
        for (var i = 1; i < bands.Length; i++)
        {
            if (bands[i].MinScore <= bands[i - 1].MinScore || bands[i].MinScore > MaxScore || bands[i].Level <= bands[i - 1].Level)
            {
                throw new ArgumentException("Placement bands must rise in both score and level, within 0–100.", nameof(configured));
            }
        }
    }

    public IReadOnlyList<PlacementBand> Bands => bands;

    /// <summary>The level a score places at (A0 for a beginner).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The score is not within 0–100.</exception>
    public CefrLevel Place(int score)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(score);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, MaxScore);
        var level = bands[0].Level;
        foreach (var band in bands)
        {
            if (score < band.MinScore)
            {
                break;
            }
            level = band.Level;
        }
        return level;
    }

    /// <summary>The course level someone starts in: the placed level, A1 for a beginner or for someone who took no test.</summary>
    public CefrLevel CourseLevel(int? score) => score is { } s && Place(s) is var placed && placed > CefrLevel.A1 ? placed : CefrLevel.A1;
}
