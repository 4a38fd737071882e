using System.Net;
using Microsoft.EntityFrameworkCore;
using Panah.Data.Food;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using static Panah.Web.Tests.Food.RedeemRequests;

namespace Panah.Web.Tests.Food;

/// <summary>
/// An entitlement is collected once, however many clerks or retries hit it at the same moment: the database decides
/// (unique keys and a conditional update), and the losers are told when, where and by whom it was collected.
/// </summary>
public abstract class RedemptionConcurrencyTests<TApp>(TApp app) where TApp : PanahApp
{
    [Fact]
    public async Task Fifty_parallel_redemptions_of_one_entitlement_succeed_exactly_once()
    {
        var seed = await RedeemSeed.CreateAsync(app);
        var card = await seed.HouseholdAsync(app);
        var clerks = new[] { await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["KAY"]), await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["KAY"]) };

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => RedeemAsync(clerks[i % 2], card, seed.Points["KAY"], NewKey())));

        var statuses = string.Join(", ", responses.GroupBy(r => (int)r.StatusCode).Select(g => $"{g.Key}×{g.Count()}"));
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.Created) == 1, statuses);
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.Conflict) == 49, statuses + ": " + string.Join(" | ",
            await Task.WhenAll(responses.Where(r => r.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict)).Take(2).Select(r => r.Content.ReadAsStringAsync()))));
        var conflict = await JsonAsync(responses.First(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(seed.Points["KAY"], conflict.GetProperty("locationId").GetInt32());
        Assert.False(string.IsNullOrEmpty(conflict.GetProperty("point").GetString()));
        Assert.False(string.IsNullOrEmpty(conflict.GetProperty("clerk").GetString()));
        var stored = await StoredAsync(card.EntitlementId);
        Assert.Equal(1, stored.Redemptions);
        Assert.Equal(EntitlementStatus.Collected, stored.Status);
        Assert.Equal([3, 2], stored.Collected);
    }

    [Fact]
    public async Task The_same_key_retried_in_parallel_returns_the_first_answer()
    {
        var seed = await RedeemSeed.CreateAsync(app);
        var card = await seed.HouseholdAsync(app);
        var clerk = await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["KAY"]);
        var key = NewKey();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => RedeemAsync(clerk, card, seed.Points["KAY"], key)));
        var later = await RedeemAsync(clerk, card, seed.Points["KAY"], key);

        Assert.All(responses.Append(later), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Append(later).Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Equal(1, (await StoredAsync(card.EntitlementId)).Redemptions);
        Assert.Equal(HttpStatusCode.Conflict, (await RedeemAsync(clerk, card, seed.Points["KAY"], NewKey())).StatusCode);
    }

    [Fact]
    public async Task Two_cycles_of_one_household_collected_at_once_pass_the_minimum_days_only_once()
    {
        var first = await RedeemSeed.CreateAsync(app, minDays: 20);
        var second = await RedeemSeed.CreateAsync(app, minDays: 20);
        var card = await first.HouseholdAsync(app);
        var other = await second.EntitlementOfAsync(app, card);
        var clerks = new[] { await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["KAY"]), await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["KAY"]) };

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            i % 2 == 0 ? RedeemAsync(clerks[i / 2 % 2], card, first.Points["KAY"], NewKey()) : RedeemAsync(clerks[i / 2 % 2], other, second.Points["KAY"], NewKey())));

        var answers = await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}"));
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.Created) == 1, string.Join(" | ", answers));
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity }));
        var collected = (await StoredAsync(card.EntitlementId)).Redemptions + (await StoredAsync(other.EntitlementId)).Redemptions;
        Assert.Equal(1, collected);
    }

    [Fact]
    public async Task Households_collecting_at_one_point_at_once_all_get_their_food_and_the_stock_adds_up()
    {
        // Every collection takes two commodities from the same point's batches: the hot rows of a distribution day.
        var seed = await RedeemSeed.CreateAsync(app);
        var cards = new List<SeededCard>();
        for (var i = 0; i < 40; i++)
        {
            cards.Add(await seed.HouseholdAsync(app));
        }
        var clerks = new[] { await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["KAY"]), await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["KAY"]) };
        var before = await BalanceAsync(seed);

        var responses = await Task.WhenAll(cards.Select((card, i) => RedeemAsync(clerks[i % 2], card, seed.Points["KAY"], NewKey())));

        var answers = await Task.WhenAll(responses.Where(r => r.StatusCode != HttpStatusCode.Created).Take(3).Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}"));
        Assert.True(responses.All(r => r.StatusCode == HttpStatusCode.Created), string.Join(" | ", answers));
        Assert.Equal(before - (40 * (3 + 2)), await BalanceAsync(seed));
    }

    [Fact]
    public async Task Collections_at_a_point_whose_stock_is_striped_take_exactly_what_it_holds_and_leave_every_stripe_at_zero()
    {
        // The point's stock arrives through the ledger, so it is spread over the stripes: 30 collections' worth for 40 households.
        var seed = await RedeemSeed.CreateAsync(app);
        var point = seed.Points["KAY"];
        var cards = new List<SeededCard>();
        for (var i = 0; i < 40; i++)
        {
            cards.Add(await seed.HouseholdAsync(app));
        }
        var clerks = new[] { await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["KAY"]), await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["KAY"]) };
        var (pointCode, codes) = ("", new List<string>());
        await RedeemSeed.ChangeAsync(app, async db =>
        {
            await db.StockBalances.Where(b => b.LocationId == point).ExecuteDeleteAsync();
            pointCode = await db.FoodLocations.Where(l => l.Id == point).Select(l => l.Code).SingleAsync();
            codes = await db.Commodities.Where(c => seed.Commodities.Contains(c.Id)).OrderBy(c => c.Id).Select(c => c.Code).ToListAsync();
        });
        await StockSetup.ReceiveAsync(clerks[0], pointCode, codes[0], 30 * 3);
        await StockSetup.ReceiveAsync(clerks[0], pointCode, codes[1], 30 * 2);

        var responses = await Task.WhenAll(cards.Select((card, i) => RedeemAsync(clerks[i % 2], card, point, NewKey())));

        var answers = await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}"));
        var refusals = answers.Where(a => !a.StartsWith("201", StringComparison.Ordinal)).ToList();
        Assert.True(responses.Count(r => r.StatusCode == HttpStatusCode.Created) == 30, string.Join(" | ", refusals.Take(3)));
        Assert.True(refusals.Count == 10 && refusals.All(a => a.StartsWith("422", StringComparison.Ordinal) && a.Contains(Redemptions.OutOfStock, StringComparison.Ordinal)), string.Join(" | ", refusals.Take(3)));
        var rows = new List<int>();
        await RedeemSeed.ChangeAsync(app, async db => rows = await db.StockBalances.Where(b => b.LocationId == point).Select(b => b.Quantity).ToListAsync());
        // Two commodities × the default 8 stripes, every one emptied and none below zero.
        Assert.Equal(16, rows.Count);
        Assert.All(rows, q => Assert.Equal(0, q));
    }

    private async Task<int> BalanceAsync(RedeemSeed seed)
    {
        var total = 0;
        await RedeemSeed.ChangeAsync(app, async db => total = await db.StockBalances.Where(b => b.LocationId == seed.Points["KAY"]).SumAsync(b => b.Quantity));
        return total;
    }

    private async Task<(int Redemptions, EntitlementStatus Status, int[] Collected)> StoredAsync(Guid entitlement)
    {
        var result = (0, EntitlementStatus.Draft, Array.Empty<int>());
        await RedeemSeed.ChangeAsync(app, async db =>
        {
            var e = await db.Entitlements.AsNoTracking().Include(x => x.Items).SingleAsync(x => x.Id == entitlement);
            result = (await db.Redemptions.CountAsync(r => r.EntitlementId == entitlement), e.Status, [.. e.Items.OrderBy(i => i.CommodityId).Select(i => i.CollectedPacks)]);
        });
        return result;
    }
}

public sealed class SqliteRedemptionConcurrencyTests(SqliteApp app) : RedemptionConcurrencyTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresRedemptionConcurrencyTests(PostgresApp app) : RedemptionConcurrencyTests<PostgresApp>(app), IClassFixture<PostgresApp>;
