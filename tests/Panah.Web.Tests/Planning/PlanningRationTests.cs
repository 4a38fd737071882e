using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Panah.Data.Food;
using Panah.Data.Staff;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Planning;

/// <summary>
/// A forecast's food comes from the ration the food programme hands out: the per-person basket of the latest cycle past
/// its draft (a later draft or a kit does not count), costed per commodity; before any, the configured ration. The
/// facts run in order on one app: the first sees no cycle, the second adds them.
/// </summary>
[TestCaseOrderer("Panah.Web.Tests.Infrastructure.DeclarationOrderer", "Panah.Web.Tests")]
public abstract class PlanningRationTests(PanahApp app)
{
    private static readonly object Reopening = new
    {
        name = "Passport offices reopen", start = new DateOnly(2027, 3, 1), horizonMonths = 3, triggers = "",
        assumption = "ExtraPerMonth", low = 100.0, likely = 200.0, high = 400.0, futures = 500, seed = 3,
    };

    private static async Task<JsonElement> ForecastAsync(HttpClient manager)
    {
        var response = await manager.PostAsJsonAsync("/api/v1/planning/forecasts", Reopening);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<int> CycleAsync(PanahApp app, string name, BasketKind kind, CycleStatus status, DateOnly startsOn, params (int Commodity, double Quantity)[] items)
    {
        await using var scope = FoodSeed.Everything(app, out var db);
        var cycle = new DistributionCycle
        {
            Name = name,
            Programme = new FoodProgramme { Name = FoodSeed.NewCode("programme-") },
            Basket = new Basket { Name = name + " basket", Kind = kind, Items = [.. items.Select(i => new BasketItem { CommodityId = i.Commodity, Quantity = i.Quantity })] },
            DaysCovered = 30, StartsOn = startsOn, EndsOn = startsOn.AddDays(29), Status = status,
        };
        db.DistributionCycles.Add(cycle);
        await db.SaveChangesAsync();
        return cycle.Id;
    }

    [Fact]
    public async Task The_configured_ration_until_a_cycle_then_the_latest_approved_ration_by_commodity_not_a_later_draft_or_kit()
    {
        await FoodSeed.HouseholdsAsync(app, 31, ["KAY", "KAY", "KAY"]);
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager, offices: ["KAY"]);

        var forecast = await ForecastAsync(manager);

        var ration = forecast.GetProperty("ration");
        Assert.Equal(JsonValueKind.Null, ration.GetProperty("basket").ValueKind);
        Assert.Equal(555, ration.GetProperty("gramsPerPersonPerDay").GetDouble());
        Assert.True(forecast.GetProperty("needs").TryGetProperty("food:Maize meal", out _));

        var (rice, _) = await FoodSeed.CommodityAsync(app, "Rice");
        var (lentils, _) = await FoodSeed.CommodityAsync(app, "Lentils");
        await CycleAsync(app, "October", BasketKind.Ration, CycleStatus.Closed, new DateOnly(2026, 10, 1), (rice, 300));
        await CycleAsync(app, "November", BasketKind.Ration, CycleStatus.Approved, new DateOnly(2026, 11, 1), (rice, 450), (lentils, 60));
        await CycleAsync(app, "December draft", BasketKind.Ration, CycleStatus.Draft, new DateOnly(2026, 12, 1), (lentils, 900));
        await CycleAsync(app, "Ramadan", BasketKind.Kit, CycleStatus.Approved, new DateOnly(2027, 2, 1), (rice, 2));

        forecast = await ForecastAsync(manager);

        ration = forecast.GetProperty("ration");
        Assert.Equal("November basket", ration.GetProperty("basket").GetString());
        Assert.Equal("November", ration.GetProperty("cycle").GetString());
        Assert.Equal(510, ration.GetProperty("gramsPerPersonPerDay").GetDouble());
        var needs = forecast.GetProperty("needs");
        Assert.False(needs.TryGetProperty("food:Maize meal", out _));
        double Median(string key, int month) => needs.GetProperty(key)[month].GetProperty("median").GetDouble();
        for (var month = 0; month < 3; month++)
        {
            // The domain guide's arithmetic on the median population: grams × people × 30 days, in tonnes.
            var people = Median("population", month);
            Assert.Equal(people * 450 * 30 / 1e6, Median("food:Rice", month), 6);
            Assert.Equal(people * 60 * 30 / 1e6, Median("food:Lentils", month), 6);
            Assert.Equal(people * 510 * 30 / 1e6, Median("food-tonnes", month), 6);
        }

        var page = await Html.PostFormAsync(await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.ProgrammeManager, offices: ["KAY"])), "/Planning",
            new Dictionary<string, string>
            {
                ["Input.Name"] = "Reopening", ["Input.Start"] = "2027-03", ["Input.HorizonMonths"] = "3", ["Input.Assumption"] = "ExtraPerMonth",
                ["Input.Low"] = "100", ["Input.Likely"] = "200", ["Input.High"] = "400",
            });
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("November basket", html);
        Assert.Contains("data-need=\"food:Rice\"", html);
        Assert.Contains("id=\"need-shown\"", html);
        Assert.Contains("<option value=\"food:Lentils\">", html);
    }
}

public sealed class SqlitePlanningRationTests(SqliteApp app) : PlanningRationTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPlanningRationTests(PostgresApp app) : PlanningRationTests(app), IClassFixture<PostgresApp>;
