using Panah.Core.Education;

namespace Panah.Core.Tests.Education;

public sealed class WaitlistRankingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly PriorityWeights Weights = new();

    private static WaitlistApplicant Applicant(int n, int daysAgo, bool permit = false, bool work = false, bool womanHead = false, bool woman = false,
        bool womenOnly = false, int creche = 0, TimeOfDay? time = null, int? site = 1) =>
        new(new Guid(n, 0, 0, new byte[8]), woman || womanHead, new PriorityInputs(permit, work, womanHead, false, Now.AddDays(-daysAgo)),
            new WaitlistPreferences(site, time, womenOnly, creche));

    [Fact]
    public void The_score_is_the_sum_of_its_parts_and_each_part_is_named()
    {
        var score = PriorityScore.Of(Applicant(1, 65, permit: true, womanHead: true).Inputs, Weights, Now);
        Assert.Equal(30 + 15 + 10, score.Total);
        Assert.Equal(
            [new PriorityPart(PriorityScore.ResidencePermit, 30), new PriorityPart(PriorityScore.WomanHeadOfHousehold, 15), new PriorityPart(PriorityScore.Waiting, 10)],
            score.Parts);
    }

    [Theory]
    [InlineData(29, 0)]
    [InlineData(30, 5)]
    [InlineData(59, 5)]
    [InlineData(60, 10)]
    [InlineData(179, 25)]
    [InlineData(180, 30)]
    [InlineData(3650, 30)]
    public void Waiting_counts_full_months_up_to_the_cap(int days, int points) =>
        Assert.Equal(points, PriorityScore.Of(Applicant(1, days).Inputs, Weights, Now).Total);

    [Fact]
    public void Configured_weights_change_the_order()
    {
        var worker = Applicant(1, 0, work: true);
        var renewing = Applicant(2, 0, permit: true);
        Assert.Equal([renewing.Id, worker.Id], WaitlistRanking.Rank([worker, renewing], Weights, Now).Select(p => p.Applicant.Id));
        var workFirst = new PriorityWeights { Work = 40 };
        Assert.Equal([worker.Id, renewing.Id], WaitlistRanking.Rank([worker, renewing], workFirst, Now).Select(p => p.Applicant.Id));
    }

    [Fact]
    public void Higher_scores_come_first_and_first_come_decides_between_equal_scores()
    {
        var later = Applicant(1, 2, permit: true);
        var earlier = Applicant(2, 5, permit: true);
        var none = Applicant(3, 20);
        var ranked = WaitlistRanking.Rank([none, later, earlier], Weights, Now);
        Assert.Equal([earlier.Id, later.Id, none.Id], ranked.Select(p => p.Applicant.Id));
        Assert.Equal([1, 2, 3], ranked.Select(p => p.Position));
    }

    [Fact]
    public void A_freed_seat_goes_to_the_first_applicant_it_suits()
    {
        var man = Applicant(1, 90, permit: true);
        var needsCreche = Applicant(2, 60, woman: true, permit: true, creche: 2);
        var evening = Applicant(3, 60, woman: true, time: TimeOfDay.Evening);
        var woman = Applicant(4, 1, woman: true);
        var ranked = WaitlistRanking.Rank([man, needsCreche, evening, woman], Weights, Now);

        var womenOnlyMorning = new WaitlistSeat(1, TimeOfDay.Morning, WomenOnly: true, FreeCrechePlaces: 1);
        Assert.Equal(woman.Id, WaitlistRanking.NextFor(ranked, womenOnlyMorning)!.Applicant.Id);
        Assert.Equal(needsCreche.Id, WaitlistRanking.NextFor(ranked, womenOnlyMorning with { FreeCrechePlaces = 2 })!.Applicant.Id);
        Assert.Equal(man.Id, WaitlistRanking.NextFor(ranked, womenOnlyMorning with { WomenOnly = false })!.Applicant.Id);
        Assert.Null(WaitlistRanking.NextFor(ranked, womenOnlyMorning with { SiteOfficeId = 2 }));
    }

    [Fact]
    public void Someone_who_comes_only_to_a_women_only_group_is_not_offered_a_mixed_one()
    {
        var onlyWomen = Applicant(1, 10, woman: true, womenOnly: true);
        Assert.False(WaitlistRanking.Suits(onlyWomen, new WaitlistSeat(1, TimeOfDay.Morning, false, 0)));
        Assert.True(WaitlistRanking.Suits(onlyWomen, new WaitlistSeat(1, TimeOfDay.Morning, true, 0)));
    }

    [Fact]
    public void A_woman_waits_only_for_a_creche_when_every_otherwise_suitable_free_seat_lacks_creche_places()
    {
        var mother = Applicant(1, 10, woman: true, creche: 2);
        Assert.True(WaitlistRanking.WaitsOnlyForCreche(mother, [new WaitlistSeat(1, TimeOfDay.Morning, false, 1), new WaitlistSeat(1, TimeOfDay.Evening, true, 0)]));
        Assert.False(WaitlistRanking.WaitsOnlyForCreche(mother, [new WaitlistSeat(1, TimeOfDay.Morning, false, 2)]));
        // No seat free at all: she waits for a seat like everyone else.
        Assert.False(WaitlistRanking.WaitsOnlyForCreche(mother, []));
        Assert.False(WaitlistRanking.WaitsOnlyForCreche(Applicant(2, 10, creche: 2), [new WaitlistSeat(1, TimeOfDay.Morning, false, 0)]));
    }
}
