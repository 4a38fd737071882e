using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Food;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Food;

/// <summary>The stock ledger through its API: never below zero under concurrency, earliest expiry first, transfers whole, own offices only.</summary>
public abstract class StockLedgerTests(PanahApp app)
{
    private DateOnly Today => DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    [Fact]
    public async Task Twenty_parallel_withdrawals_take_exactly_what_the_stock_covers_and_the_ledger_sums_to_the_balance()
    {
        var clerk = await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["KAY"]);
        var commodity = await FoodSeed.CommodityAsync(app);
        var point = await FoodSeed.LocationAsync(app, "KAY");
        await StockSetup.ReceiveAsync(clerk, point.Code, commodity.Code, 25, "LOT-1", Today.AddDays(60));

        // 20 × 3 packs asked of 25: exactly 8 can be covered.
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => clerk.PostAsJsonAsync("/api/v1/food/stock/movements",
            new { kind = "loss", location = point.Code, commodity = commodity.Code, packs = 3, reason = "damaged in the rain" })));

        Assert.Equal(8, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(12, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var refused = await responses.First(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, refused.GetProperty("packsShort").GetInt32());
        Assert.Equal(commodity.Code, refused.GetProperty("commodity").GetString());
        var (balances, lines) = await StockSetup.LedgerAsync(app, point.Id, commodity.Id);
        Assert.Equal(1, balances["LOT-1"]);
        Assert.Equal(25 - (8 * 3), lines.Sum(l => l.Packs));
        Assert.Equal(8, lines.Count(l => l.Kind == StockMovementKind.Loss));
    }

    [Fact]
    public async Task A_posting_names_the_staff_account_that_made_it_as_every_food_record_does()
    {
        var clerk = await app.CreateStaffAsync(Roles.DistributionClerk, offices: ["KAY"]);
        string secret;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueOwnAsync(clerk.User, "test", 1);
        }
        var commodity = await FoodSeed.CommodityAsync(app);
        var point = await FoodSeed.LocationAsync(app, "KAY");

        await StockSetup.ReceiveAsync(app.ClientWithToken(secret), point.Code, commodity.Code, 5);

        // The account's id, as a card's issuer or a cycle's generator is: not the audit actor's "user:… token:…".
        Assert.Equal(clerk.User.Id, Assert.Single((await StockSetup.LedgerAsync(app, point.Id, commodity.Id)).Lines).By);
    }

    [Fact]
    public async Task A_withdrawal_without_a_batch_takes_the_earliest_expiring_batches_first()
    {
        var clerk = await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["KAY"]);
        var commodity = await FoodSeed.CommodityAsync(app);
        var point = await FoodSeed.LocationAsync(app, "KAY");
        await StockSetup.ReceiveAsync(clerk, point.Code, commodity.Code, 10, "LATE", Today.AddDays(300));
        await StockSetup.ReceiveAsync(clerk, point.Code, commodity.Code, 5, "UNDATED");
        await StockSetup.ReceiveAsync(clerk, point.Code, commodity.Code, 4, "EARLY", Today.AddDays(10));
        await StockSetup.ReceiveAsync(clerk, point.Code, commodity.Code, 3, "MIDDLE", Today.AddDays(90));

        var posted = await StockSetup.PostAsync(clerk, new { kind = "loss", location = point.Code, commodity = commodity.Code, packs = 6, reason = "rats" });

        var taken = posted.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("batch").GetString(), l.GetProperty("packs").GetInt32())).ToList();
        Assert.Equal([("EARLY", -4), ("MIDDLE", -2)], taken);
        var balances = await clerk.GetFromJsonAsync<JsonElement>($"/api/v1/food/stock/balances?location={point.Code}&commodity={commodity.Code}");
        var shown = balances.EnumerateArray().Select(b => (b.GetProperty("batch").GetString(), b.GetProperty("packs").GetInt32(), b.GetProperty("nextOut").GetBoolean())).ToList();
        Assert.Equal([("MIDDLE", 1, true), ("LATE", 10, false), ("UNDATED", 5, false)], shown);
    }

    [Fact]
    public async Task Transfers_both_ways_between_two_locations_at_once_all_go_through_and_the_stock_adds_up()
    {
        var clerk = await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["KAY"]);
        var commodity = await FoodSeed.CommodityAsync(app);
        var warehouse = await FoodSeed.LocationAsync(app, "KAY", LocationKind.Warehouse);
        var point = await FoodSeed.LocationAsync(app, "KAY");
        await StockSetup.ReceiveAsync(clerk, warehouse.Code, commodity.Code, 100, "X", Today.AddDays(60));
        await StockSetup.ReceiveAsync(clerk, point.Code, commodity.Code, 100, "X", Today.AddDays(60));

        // Twelve each way at once, one pack each: on PostgreSQL the two directions locked the batches in opposite orders.
        var responses = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => clerk.PostAsJsonAsync("/api/v1/food/stock/movements",
            new { kind = "transfer", location = i % 2 == 0 ? warehouse.Code : point.Code, toLocation = i % 2 == 0 ? point.Code : warehouse.Code, commodity = commodity.Code, packs = 1 })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(100, (await StockSetup.LedgerAsync(app, warehouse.Id, commodity.Id)).Balances["X"]);
        Assert.Equal(100, (await StockSetup.LedgerAsync(app, point.Id, commodity.Id)).Balances["X"]);
    }

    [Fact]
    public async Task A_transfer_moves_both_sides_in_one_posting_and_a_short_one_moves_nothing()
    {
        var clerk = await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["KAY"]);
        var commodity = await FoodSeed.CommodityAsync(app);
        var warehouse = await FoodSeed.LocationAsync(app, "KAY", LocationKind.Warehouse);
        var point = await FoodSeed.LocationAsync(app, "KAY");
        await StockSetup.ReceiveAsync(clerk, warehouse.Code, commodity.Code, 6, "A", Today.AddDays(20));
        await StockSetup.ReceiveAsync(clerk, warehouse.Code, commodity.Code, 4, "B", Today.AddDays(40));

        var posted = await StockSetup.PostAsync(clerk, new { kind = "transfer", location = warehouse.Code, toLocation = point.Code, commodity = commodity.Code, packs = 7 });
        await StockSetup.PostAsync(clerk, new { kind = "transfer", location = warehouse.Code, toLocation = point.Code, commodity = commodity.Code, packs = 4 }, HttpStatusCode.Conflict);

        var lines = posted.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(4, lines.Count);
        Assert.Single(lines.Select(l => l.GetProperty("operationId").GetGuid()).Distinct());
        var from = await StockSetup.LedgerAsync(app, warehouse.Id, commodity.Id);
        var to = await StockSetup.LedgerAsync(app, point.Id, commodity.Id);
        Assert.Equal(new Dictionary<string, int> { ["A"] = 0, ["B"] = 3 }, from.Balances);
        Assert.Equal(new Dictionary<string, int> { ["A"] = 6, ["B"] = 1 }, to.Balances);
        Assert.Equal(3, from.Lines.Sum(l => l.Packs));
        Assert.Equal(7, to.Lines.Sum(l => l.Packs));
        Assert.Equal(4, to.Lines.Count + from.Lines.Count(l => l.Kind == StockMovementKind.Transfer));
        Assert.All(to.Lines, l => Assert.Equal(warehouse.Id, l.CounterpartLocationId));
    }

    [Fact]
    public async Task A_clerk_sees_and_posts_stock_only_at_their_own_offices_locations()
    {
        var kayseri = await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["KAY"]);
        var istanbul = await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["IST"]);
        var commodity = await FoodSeed.CommodityAsync(app);
        var point = await FoodSeed.LocationAsync(app, "IST");
        await StockSetup.ReceiveAsync(istanbul, point.Code, commodity.Code, 5);

        var refused = await StockSetup.PostAsync(kayseri, new { kind = "loss", location = point.Code, commodity = commodity.Code, packs = 1, reason = "stolen" }, HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("location", out _));
        Assert.Empty((await kayseri.GetFromJsonAsync<JsonElement>($"/api/v1/food/stock/balances?commodity={commodity.Code}")).EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await kayseri.GetAsync($"/api/v1/food/stock/movements?location={point.Code}")).StatusCode);
        Assert.Single((await istanbul.GetFromJsonAsync<JsonElement>($"/api/v1/food/stock/balances?commodity={commodity.Code}")).EnumerateArray());
        Assert.Equal(5, (await StockSetup.LedgerAsync(app, point.Id, commodity.Id)).Balances[""]);
    }
}

public sealed class SqliteStockLedgerTests(SqliteApp app) : StockLedgerTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresStockLedgerTests(PostgresApp app) : StockLedgerTests(app), IClassFixture<PostgresApp>;
