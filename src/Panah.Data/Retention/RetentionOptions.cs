using Microsoft.Extensions.Configuration;

namespace Panah.Data.Retention;

/// <summary>
/// Section <c>Panah:Retention</c>: how long each kind of record is kept once nothing happens to it any more, and how
/// often the job looks. A limit of 0 switches that rule off. The defaults follow the organisation's stated practice:
/// five years after a household's last activity, two years after a closed household's last change, one year after a
/// duplicate registration was merged into the person it duplicated.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Panah:Retention";

    /// <summary>Years without activity after which a household and its members are erased (<c>HouseholdInactiveYears</c>, default 5).</summary>
    public int HouseholdInactiveYears { get; set; } = 5;

    /// <summary>Years after a closed household's last change (closing it is one) before it is erased (<c>ClosedHouseholdYears</c>, default 2).</summary>
    public int ClosedHouseholdYears { get; set; } = 2;

    /// <summary>Years after a duplicate registration was merged away before its own copy is erased (<c>MergedRegistrationYears</c>, default 1).</summary>
    public int MergedRegistrationYears { get; set; } = 1;

    /// <summary>Whether the background job runs (<c>Job</c>, default true); the officer's run from the page works either way.</summary>
    public bool Job { get; set; } = true;

    /// <summary>How often each node asks whether a run is due (<c>CheckMinutes</c>, default 60).</summary>
    public int CheckMinutes { get; set; } = 60;

    /// <summary>Hours between two runs of the job, whichever node runs it (<c>RunEveryHours</c>, default 24).</summary>
    public int RunEveryHours { get; set; } = 24;

    /// <summary>People erased in one run at most (<c>MaxPeoplePerRun</c>, default 5000); the rest wait for the next run, so one run stays short.</summary>
    public int MaxPeoplePerRun { get; set; } = 5000;

    public static RetentionOptions Read(IConfiguration configuration)
    {
        var options = new RetentionOptions();
        configuration.GetSection(Section).Bind(options);
        options.HouseholdInactiveYears = Math.Clamp(options.HouseholdInactiveYears, 0, 100);
        options.ClosedHouseholdYears = Math.Clamp(options.ClosedHouseholdYears, 0, 100);
        options.MergedRegistrationYears = Math.Clamp(options.MergedRegistrationYears, 0, 100);
        options.CheckMinutes = Math.Clamp(options.CheckMinutes, 1, 24 * 60);
        options.RunEveryHours = Math.Clamp(options.RunEveryHours, 1, 24 * 31);
        options.MaxPeoplePerRun = Math.Clamp(options.MaxPeoplePerRun, 1, 1_000_000);
        return options;
    }

    /// <summary>The rules in force and their limit in years (rules switched off are left out).</summary>
    public IEnumerable<(RetentionRule Rule, int Years)> Rules()
    {
        (RetentionRule, int)[] all = [(RetentionRule.ClosedHousehold, ClosedHouseholdYears), (RetentionRule.HouseholdInactive, HouseholdInactiveYears),
            (RetentionRule.MergedRegistration, MergedRegistrationYears)];
        return all.Where(r => r.Item2 > 0);
    }
}
