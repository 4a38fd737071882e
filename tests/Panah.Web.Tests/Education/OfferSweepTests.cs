using System.Net;
using Microsoft.EntityFrameworkCore;
using Panah.Core.Education;
using Panah.Data.Education;
using Panah.Web.Features.Education;
using static Panah.Web.Tests.Education.ClassesSeed;

namespace Panah.Web.Tests.Education;

/// <summary>
/// An offer lapses at its deadline though nobody opens a page: the sweep (driven here one tick at a time on the fake
/// clock) frees its seat and offers it to the next applicant, by the same guarded path as a page read.
/// </summary>
public abstract class OfferSweepTests(ClassesApp app)
{
    [Fact]
    public async Task The_sweep_lapses_an_overdue_offer_and_offers_the_seat_to_the_next_applicant_without_any_page_read()
    {
        var (section, first, second, third) = await OfferedAsync(CefrLevel.B2, 75);

        app.Clock.Advance(TimeSpan.FromMinutes(59));
        await app.Sweep.RunOnceAsync();
        Assert.Equal(first, (await SeatsAsync(app, section)).Single(s => s.Status == EnrolmentStatus.Offered).Application);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await app.Sweep.RunOnceAsync() >= 1);

        var seats = await SeatsAsync(app, section);
        Assert.Contains((first, EnrolmentStatus.Lapsed, (int?)null), seats);
        var next = seats.Single(s => s.Status == EnrolmentStatus.Offered);
        Assert.Equal((second, (int?)1), (next.Application, next.Seat));
        var (offer, applications) = await StoredAsync(section, second, [first, second, third]);
        Assert.Equal(OfferLapseJob.Actor, offer.DecidedBy);
        // PostgreSQL keeps microseconds.
        Assert.Equal(app.Clock.GetUtcNow().AddHours(1), offer.OfferDeadline!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal([ApplicationStatus.Lapsed, ApplicationStatus.Offered, ApplicationStatus.Waiting], applications);

        // The next sweep finds nothing overdue in the section: the new offer holds until its own deadline.
        await app.Sweep.RunOnceAsync();
        Assert.Equal(seats.Order(), (await SeatsAsync(app, section)).Order());
    }

    [Fact]
    public async Task Two_sweeps_and_a_coordinators_read_at_once_lapse_the_offer_once_and_offer_the_seat_once()
    {
        var (section, first, second, third) = await OfferedAsync(CefrLevel.C2, 95);
        var coordinator = await CoordinatorAsync(app);
        app.Clock.Advance(TimeSpan.FromMinutes(61));

        var sweeps = Task.WhenAll(app.Sweep.RunOnceAsync(), app.Sweep.RunOnceAsync());
        var read = coordinator.GetAsync($"/api/v1/education/sections/{section}/waitlist");
        await Task.WhenAll(sweeps, read);

        Assert.Equal(HttpStatusCode.OK, (await read).StatusCode);
        var seats = await SeatsAsync(app, section);
        // The withdrawn learner's row, the lapsed offer, and one new offer: nothing else holds or held the seat.
        Assert.Equal(3, seats.Count);
        Assert.Single(seats, s => s.Status == EnrolmentStatus.Withdrawn);
        Assert.Contains((first, EnrolmentStatus.Lapsed, (int?)null), seats);
        Assert.Equal((second, EnrolmentStatus.Offered, (int?)1), seats.Single(s => s.Seat is not null));
        var (_, applications) = await StoredAsync(section, second, [first, second, third]);
        Assert.Equal([ApplicationStatus.Lapsed, ApplicationStatus.Offered, ApplicationStatus.Waiting], applications);
    }

    /// <summary>
    /// A one-seat section whose learner withdrew: its seat is offered to the first of three applicants (the residence
    /// permit's priority), the second and third wait in that order.
    /// </summary>
    private async Task<(int Section, Guid First, Guid Second, Guid Third)> OfferedAsync(CefrLevel level, int score)
    {
        // Each test its own level: a section's waitlist is every applicant of its level at its site.
        var section = await SectionAsync(app, "KAY", capacity: 1, level: level);
        var coordinator = await CoordinatorAsync(app);
        var people = await PeopleAsync(app, "KAY", 4, seed: 40 + (int)level);
        var enrolled = await JsonAsync(await EnrolAsync(coordinator, section, await ApplyAsync(coordinator, people[0], score: score)));
        // Equal scores go first come, first served: the clock moves between the two permit holders' applications.
        var first = await ApplyAsync(coordinator, people[1], permit: true, score: score);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await ApplyAsync(coordinator, people[2], permit: true, score: score);
        var third = await ApplyAsync(coordinator, people[3], score: score);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"/api/v1/education/enrolments/{enrolled.GetProperty("id").GetGuid()}/withdraw", null)).StatusCode);
        Assert.Equal(first, (await SeatsAsync(app, section)).Single(s => s.Status == EnrolmentStatus.Offered).Application);
        return (section, first, second, third);
    }

    private async Task<(Enrolment Offer, List<ApplicationStatus> Applications)> StoredAsync(int section, Guid offeredTo, Guid[] applications)
    {
        await using var scope = Food.FoodSeed.Everything(app, out var db);
        var offer = await db.Enrolments.AsNoTracking().SingleAsync(e => e.SectionId == section && e.ApplicationId == offeredTo && e.Status == EnrolmentStatus.Offered);
        var statuses = await db.ClassApplications.AsNoTracking().Where(a => applications.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Status);
        return (offer, [.. applications.Select(a => statuses[a])]);
    }
}

public sealed class SqliteOfferSweepTests(SqliteClassesApp app) : OfferSweepTests(app), IClassFixture<SqliteClassesApp>;

public sealed class PostgresOfferSweepTests(PostgresClassesApp app) : OfferSweepTests(app), IClassFixture<PostgresClassesApp>;
