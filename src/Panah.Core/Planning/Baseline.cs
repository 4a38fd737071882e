namespace Panah.Core.Planning;

/// <summary>
/// What the registry itself says, within the viewer's scope: arrivals (people newly registered) per month up to
/// <see cref="LastMonth"/>, oldest first; the people registered now; and who they are.
/// </summary>
public sealed record Baseline(
    IReadOnlyList<int> MonthlyArrivals,
    DateOnly LastMonth,
    int Population,
    double MeanHouseholdSize,
    double UnaccompaniedChildShare,
    double WomenAtRiskShare,
    double LearnersPer100);
