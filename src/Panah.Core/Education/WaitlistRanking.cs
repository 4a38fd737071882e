namespace Panah.Core.Education;

/// <summary>One application waiting for a seat, as the ranking needs it.</summary>
public sealed record WaitlistApplicant(Guid Id, bool IsWoman, PriorityInputs Inputs, WaitlistPreferences Preferences);

/// <summary>An applicant's place on the waitlist (1 = next), their score and its parts.</summary>
public sealed record WaitlistPlace(int Position, WaitlistApplicant Applicant, PriorityScore Score);

/// <summary>
/// The fair waitlist: highest priority score first, first-come within equal scores (then the id, so the order is
/// total and the same on every node). Who gets a freed seat is the first applicant in this order the seat suits.
/// </summary>
public static class WaitlistRanking
{
    public static IReadOnlyList<WaitlistPlace> Rank(IEnumerable<WaitlistApplicant> applicants, PriorityWeights weights, DateTimeOffset now)
    {
        var scored = applicants.Select(a => (Applicant: a, Score: PriorityScore.Of(a.Inputs, weights, now))).ToArray();
        Array.Sort(scored, static (x, y) =>
        {
            var c = y.Score.Total.CompareTo(x.Score.Total);
            if (c == 0)
            {
                c = x.Applicant.Inputs.AppliedAt.CompareTo(y.Applicant.Inputs.AppliedAt);
            }
            return c != 0 ? c : x.Applicant.Id.CompareTo(y.Applicant.Id);
        });
        var places = new WaitlistPlace[scored.Length];
        for (var i = 0; i < scored.Length; i++)
        {
            places[i] = new WaitlistPlace(i + 1, scored[i].Applicant, scored[i].Score);
        }
        return places;
    }

    /// <summary>Whether the applicant can take the seat: site, time, women-only both ways, and crèche places for their children.</summary>
    public static bool Suits(WaitlistApplicant applicant, WaitlistSeat seat) =>
        SuitsApartFromCreche(applicant, seat) && applicant.Preferences.CrecheChildren <= seat.FreeCrechePlaces;

    /// <summary>The first applicant in <paramref name="ranked"/> the seat suits, or null.</summary>
    public static WaitlistPlace? NextFor(IReadOnlyList<WaitlistPlace> ranked, WaitlistSeat seat) =>
        ranked.FirstOrDefault(p => Suits(p.Applicant, seat));

    /// <summary>
    /// Whether only the crèche stands between a woman and a seat: some free seat suits her in every other way, but
    /// none has crèche places enough for her children. These are the places the NGO must raise money for.
    /// </summary>
    public static bool WaitsOnlyForCreche(WaitlistApplicant applicant, IEnumerable<WaitlistSeat> freeSeats)
    {
        if (!applicant.IsWoman || applicant.Preferences.CrecheChildren == 0)
        {
            return false;
        }
        var otherwise = freeSeats.Where(s => SuitsApartFromCreche(applicant, s)).ToList();
        return otherwise.Count > 0 && otherwise.All(s => s.FreeCrechePlaces < applicant.Preferences.CrecheChildren);
    }

    private static bool SuitsApartFromCreche(WaitlistApplicant applicant, WaitlistSeat seat)
    {
        var p = applicant.Preferences;
        return (p.SiteOfficeId is null || p.SiteOfficeId == seat.SiteOfficeId)
            && (p.TimeOfDay is null || p.TimeOfDay == seat.TimeOfDay)
            && (!p.WomenOnly || seat.WomenOnly)
            && (!seat.WomenOnly || applicant.IsWoman);
    }
}
