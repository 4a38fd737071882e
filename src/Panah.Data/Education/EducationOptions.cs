using Microsoft.Extensions.Configuration;
using Panah.Core.Education;

namespace Panah.Data.Education;

/// <summary>
/// The rules and local practice of the Turkish classes, section <c>Panah:Education</c>: when a section opens, how long
/// an offered seat is held, the placement bands (<c>Panah:Education:PlacementBands:B1 = 60</c>…), the waitlist's
/// priority weights (<c>:Priority:…</c>), attendance, exams and dropout risk (<c>:Attendance</c>, <c>:Exam</c>,
/// <c>:DropoutRisk</c>, each defaulting to the domain guide's values) and what a certificate prints.
/// </summary>
public sealed class EducationOptions
{
    public const string Section = "Panah:Education";

    /// <summary>Learners a section needs to open (TÖMER centres: 10; public education centres: 12).</summary>
    public int MinimumToOpen { get; init; } = 10;

    /// <summary>How long an offered seat waits for the applicant's answer before it passes to the next.</summary>
    public int OfferDeadlineHours { get; init; } = 72;

    /// <summary>Whether the sweep lapses overdue offers and passes their seats on even when no page is opened (<c>:OfferSweep</c>).</summary>
    public bool OfferSweep { get; init; } = true;

    /// <summary>Minutes between two sweeps (<c>:OfferSweepMinutes</c>, 1–1440): an offer lapses at most this late.</summary>
    public int OfferSweepMinutes { get; init; } = 5;

    public PlacementBands Placement { get; init; } = PlacementBands.Default;
    public PriorityWeights Priority { get; init; } = new();

    public AttendanceOptions Attendance { get; init; } = new();
    public ExamOptions Exam { get; init; } = new();
    public DropoutRiskOptions DropoutRisk { get; init; } = new();

    /// <summary>The organisation a certificate names as its issuer.</summary>
    public string CertificateIssuer { get; init; } = "Panah";

    /// <summary>The prefix of certificate numbers.</summary>
    public string CertificatePrefix { get; init; } = "TRC";

    public static EducationOptions Read(IConfiguration configuration)
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
        var options = new EducationOptions
        {
            MinimumToOpen = section.GetValue("MinimumToOpen", 10),
            OfferDeadlineHours = section.GetValue("OfferDeadlineHours", 72),
            OfferSweep = section.GetValue("OfferSweep", true),
            OfferSweepMinutes = section.GetValue("OfferSweepMinutes", 5),
            Placement = new PlacementBands(bands.OrderBy(b => b.Key).Select(b => new PlacementBand(b.Value, b.Key))),
            Priority = weights,
            Attendance = section.GetSection("Attendance").Get<AttendanceOptions>() ?? new AttendanceOptions(),
            Exam = section.GetSection("Exam").Get<ExamOptions>() ?? new ExamOptions(),
            DropoutRisk = section.GetSection("DropoutRisk").Get<DropoutRiskOptions>() ?? new DropoutRiskOptions(),
            CertificateIssuer = section["CertificateIssuer"] is { Length: > 0 } issuer ? issuer : "Panah",
            CertificatePrefix = section["CertificatePrefix"] is { Length: > 0 } prefix ? prefix : "TRC",
        };
        if (options.MinimumToOpen is < 1 or > 100 || options.OfferDeadlineHours is < 1 or > 24 * 30 || options.OfferSweepMinutes is < 1 or > 24 * 60)
        {
            throw new InvalidOperationException($"{Section}: MinimumToOpen must be 1–100, OfferDeadlineHours 1–720 and OfferSweepMinutes 1–1440.");
        }
        return options;
    }
}
