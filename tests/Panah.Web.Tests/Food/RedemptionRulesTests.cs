using System.Net;
using Microsoft.EntityFrameworkCore;
using Panah.Data.Food;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using static Panah.Web.Tests.Food.RedeemRequests;

namespace Panah.Web.Tests.Food;

/// <summary>The collection rules: card, collector, point, office, partial collections and the programme's rules.</summary>
public abstract class RedemptionRulesTests<TApp>(TApp app) where TApp : PanahApp
{
    private Task<HttpClient> ClerkAsync(string office = "KAY") => app.ClientForRoleAsync(Roles.DistributionClerk, offices: [office]);

    [Fact]
    public async Task A_revoked_card_is_refused()
    {
        var seed = await RedeemSeed.CreateAsync(app);
        var card = await seed.HouseholdAsync(app);
        var clerk = await ClerkAsync();
        await RedeemSeed.ChangeAsync(app, async db => (await db.FoodCards.SingleAsync(c => c.Number == card.CardNumber)).Status = CardStatus.Revoked);

        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/api/v1/food/cards/{card.CardNumber}")).StatusCode);
        var refused = await RedeemAsync(clerk, card, seed.Points["KAY"], NewKey(), cardNumber: card.CardNumber);
        Assert.True(refused.StatusCode == HttpStatusCode.UnprocessableEntity, string.Join("\n", app.Logs.Lines.Where(l => l.Contains("Exception", StringComparison.Ordinal)).TakeLast(2)));
        Assert.Equal("Redemption.CardNotActive", (await JsonAsync(refused)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_partial_collection_leaves_the_rest_due_and_a_second_round_collects_it()
    {
        var seed = await RedeemSeed.CreateAsync(app);
        var card = await seed.HouseholdAsync(app);
        var clerk = await ClerkAsync();

        var first = await RedeemAsync(clerk, card, seed.Points["KAY"], NewKey(), items: [new { commodityId = card.Commodities[0], packs = 3 }]);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var due = await JsonAsync(await clerk.GetAsync($"/api/v1/food/cards/{card.CardNumber}"));
        var items = due.GetProperty("due").EnumerateArray().Single().GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([0, 2], items.Select(i => i.GetProperty("remainingPacks").GetInt32()));

        var second = await RedeemAsync(clerk, card, seed.Points["KAY"], NewKey());
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var body = await JsonAsync(second);
        Assert.Equal(2, body.GetProperty("round").GetInt32());
        Assert.Equal(2, body.GetProperty("items").EnumerateArray().Single().GetProperty("packs").GetInt32());
        Assert.Empty((await JsonAsync(await clerk.GetAsync($"/api/v1/food/cards/{card.CardNumber}"))).GetProperty("due").EnumerateArray());
        Assert.Equal(HttpStatusCode.Conflict, (await RedeemAsync(clerk, card, seed.Points["KAY"], NewKey())).StatusCode);
    }

    [Fact]
    public async Task One_collection_per_cycle_refuses_a_second_round()
    {
        var seed = await RedeemSeed.CreateAsync(app, onePerCycle: true);
        var card = await seed.HouseholdAsync(app);
        var clerk = await ClerkAsync();

        Assert.Equal(HttpStatusCode.Created, (await RedeemAsync(clerk, card, seed.Points["KAY"], NewKey(), items: [new { commodityId = card.Commodities[1], packs = 1 }])).StatusCode);
        var again = await RedeemAsync(clerk, card, seed.Points["KAY"], NewKey());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal("Redemption.OnePerCycle", (await JsonAsync(again)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_household_collects_again_only_after_the_programme_s_minimum_days()
    {
        var seed = await RedeemSeed.CreateAsync(app, minDays: 20);
        var card = await seed.HouseholdAsync(app);
        var next = await RedeemSeed.CreateAsync(app, minDays: 20);
        var clerk = await ClerkAsync();
        Assert.Equal(HttpStatusCode.Created, (await RedeemAsync(clerk, card, seed.Points["KAY"], NewKey())).StatusCode);
        // The same household's entitlement in another cycle, the next day.
        var later = await next.EntitlementOfAsync(app, card);

        var tooSoon = await RedeemAsync(clerk, later, next.Points["KAY"], NewKey());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooSoon.StatusCode);
        Assert.Equal("Redemption.TooSoon", (await JsonAsync(tooSoon)).GetProperty("code").GetString());
        await RedeemSeed.ChangeAsync(app, async db =>
        {
            foreach (var r in db.Redemptions.Where(r => r.EntitlementId == card.EntitlementId))
            {
                r.At = r.At.AddDays(-20);
            }
            await Task.CompletedTask;
        });
        Assert.Equal(HttpStatusCode.Created, (await RedeemAsync(clerk, later, next.Points["KAY"], NewKey())).StatusCode);
    }

    [Fact]
    public async Task A_point_that_does_not_serve_the_cycle_is_refused_and_another_office_s_point_or_household_is_not_found()
    {
        var seed = await RedeemSeed.CreateAsync(app);
        var card = await seed.HouseholdAsync(app);
        var elsewhere = await seed.HouseholdAsync(app, office: "IST");
        var clerk = await ClerkAsync();

        var idle = await RedeemAsync(clerk, card, seed.PointNotServing, NewKey());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, idle.StatusCode);
        Assert.Equal("Redemption.PointNotInCycle", (await JsonAsync(idle)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await RedeemAsync(clerk, card, seed.Points["IST"], NewKey())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await RedeemAsync(clerk, elsewhere, seed.Points["KAY"], NewKey())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/api/v1/food/cards/{elsewhere.CardNumber}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await RedeemAsync(clerk, card, seed.Points["KAY"], NewKey())).StatusCode);
    }

    [Fact]
    public async Task The_head_and_consenting_alternates_may_collect_and_no_one_else()
    {
        var seed = await RedeemSeed.CreateAsync(app);
        var card = await seed.HouseholdAsync(app);
        var clerk = await ClerkAsync();
        await RedeemSeed.AlternateAsync(app, card, card.Others[0]);
        await RedeemSeed.AlternateAsync(app, card, card.Others[1], withdrawn: true);

        var due = await JsonAsync(await clerk.GetAsync($"/api/v1/food/cards/{card.CardNumber}"));
        var collectors = due.GetProperty("collectors").EnumerateArray().ToList();
        Assert.Equal([card.Head, card.Others[0]], collectors.Select(c => c.GetProperty("personId").GetGuid()));
        Assert.All(collectors, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("name").GetProperty("given").GetString())));
        Assert.Equal(card.Code, due.GetProperty("householdCode").GetString());

        var withdrawn = await RedeemAsync(clerk, card, seed.Points["KAY"], NewKey(), by: card.Others[1]);
        Assert.Equal(HttpStatusCode.BadRequest, withdrawn.StatusCode);
        Assert.True((await JsonAsync(withdrawn)).GetProperty("errors").TryGetProperty("collectedBy", out _));
        Assert.Equal(HttpStatusCode.Created, (await RedeemAsync(clerk, card, seed.Points["KAY"], NewKey(), by: card.Others[0], cardNumber: card.CardNumber)).StatusCode);
    }

    [Fact]
    public async Task A_redemption_without_an_idempotency_key_is_refused()
    {
        var seed = await RedeemSeed.CreateAsync(app);
        var card = await seed.HouseholdAsync(app);
        var clerk = await ClerkAsync();

        var response = await RedeemAsync(clerk, new { entitlementId = card.EntitlementId, collectedBy = card.Head, locationId = seed.Points["KAY"] }, key: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(response)).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
    }
}

public sealed class SqliteRedemptionRulesTests(SqliteApp app) : RedemptionRulesTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresRedemptionRulesTests(PostgresApp app) : RedemptionRulesTests<PostgresApp>(app), IClassFixture<PostgresApp>;
