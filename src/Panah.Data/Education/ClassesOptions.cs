using Microsoft.Extensions.Configuration;
using Panah.Core.Education;

namespace Panah.Data.Education;

/// <summary>
/// Local practice of the Turkish classes, section <c>Panah:Education</c>: when a section opens, how long an offered
/// seat is held, the placement bands (<c>Panah:Education:PlacementBands:B1 = 60</c>…) and the waitlist's priority
/// weights (<c>Panah:Education:Priority:…</c>).
/// </summary>
public sealed class ClassesOptions
{
    public const string Section = "Panah:Education";

    /// <summary>Learners a section needs to open (TÖMER centres: 10; public education centres: 12).</summary>
    public int MinimumToOpen { get; init; } = 10;

    /// <summary>How long an offered seat waits for the applicant's answer before it passes to the next.</summary>
    public int OfferDeadlineHours { get; init; } = 72;

    public PlacementBands Placement { get; init; } = PlacementBands.Default;
    public PriorityWeights Priority { get; init; } = new();

    public static ClassesOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var weights = new PriorityWeights();
        section.GetSection("Priority").Bind(weights);
        weights.Check();
        var bands = PlacementBands.Defaults.ToDictionary(b => b.Level, b => b.MinScore);
        foreach (var child in section.GetSection("PlacementBands").GetChildren())
        {
            if (!Enum.TryParse<CefrLevel>(child.Key, ignoreCase: true, out var level) || !int.TryParse(child.Value, out var min))
            {
                throw new InvalidOperationException($"{Section}:PlacementBands:{child.Key} must name a level (A0–C2) and hold a score.");
            }
            bands[level] = min;
        }
        var options = new ClassesOptions
        {
            MinimumToOpen = section.GetValue("MinimumToOpen", 10),
            OfferDeadlineHours = section.GetValue("OfferDeadlineHours", 72),
            Placement = new PlacementBands(bands.OrderBy(b => b.Key).Select(b => new PlacementBand(b.Value, b.Key))),
            Priority = weights,
        };
        if (options.MinimumToOpen is < 1 or > 100 || options.OfferDeadlineHours is < 1 or > 24 * 30)
        {
            throw new InvalidOperationException($"{Section}: MinimumToOpen must be 1–100 and OfferDeadlineHours 1–720.");
        }
        return options;
    }
}
