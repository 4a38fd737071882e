using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Panah.Data.Staff;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Planning;

/// <summary>Influx planning through HTTP: the baseline within the reader's offices, forecasts, refusals, the page.</summary>
public abstract class PlanningTests(PanahApp app)
{
    private static readonly object Reopening = new
    {
        name = "Passport offices reopen", start = new DateOnly(2027, 3, 1), horizonMonths = 6, triggers = "Offices in Kashgar reopen",
        assumption = "Multiplier", low = 2.0, likely = 3.0, high = 6.0, futures = 1_000, seed = 5,
    };

    [Fact]
    public async Task The_baseline_counts_only_the_managers_own_offices()
    {
        var kay = await app.ClientForRoleAsync(Roles.ProgrammeManager, offices: ["KAY"]);
        var before = await kay.GetFromJsonAsync<JsonElement>("/api/v1/planning/baseline");

        var seeded = await FoodSeed.HouseholdsAsync(app, 71, ["KAY", "KAY", "IST", "IST", "IST"]);

        var after = await kay.GetFromJsonAsync<JsonElement>("/api/v1/planning/baseline");
        var kayPeople = seeded.Where(h => h.Office == "KAY").Sum(h => 1 + h.Others.Count);
        Assert.Equal(before.GetProperty("population").GetInt32() + kayPeople, after.GetProperty("population").GetInt32());
        // Who they are, in the same scope: each KAY household counted at its size, each person at their sex and age group.
        static int[] Sizes(JsonElement b) => [.. b.GetProperty("structure").GetProperty("householdsBySize").EnumerateArray().Select(x => x.GetInt32())];
        static int People(JsonElement b) => b.GetProperty("structure").GetProperty("sexAndAge").EnumerateArray().Sum(r => r.GetProperty("counts").EnumerateArray().Sum(x => x.GetInt32()));
        var grown = Sizes(after).Zip(Sizes(before), (a, b) => a - b).ToArray();
        var expected = new int[10];
        foreach (var h in seeded.Where(h => h.Office == "KAY"))
        {
            expected[Math.Min(1 + h.Others.Count, 10) - 1]++;
        }
        Assert.Equal(expected, grown);
        Assert.Equal(People(before) + kayPeople, People(after));
        Assert.Equal(after.GetProperty("population").GetInt32(), People(after));
    }

    [Fact]
    public async Task A_forecast_gives_every_need_by_month_with_nested_intervals_and_the_same_seed_gives_the_same_numbers()
    {
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);

        var first = await manager.PostAsJsonAsync("/api/v1/planning/forecasts", Reopening);
        var second = await manager.PostAsJsonAsync("/api/v1/planning/forecasts", Reopening);

        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var forecast = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(6, forecast.GetProperty("months").GetArrayLength());
        Assert.Equal("2027-03-01", forecast.GetProperty("months")[0].GetString());
        var needs = forecast.GetProperty("needs");
        foreach (var key in new[] { "population", "food-tonnes", "food:Maize meal", "teachers", "case-workers-children", "budget" })
        {
            var bands = needs.GetProperty(key).EnumerateArray().ToList();
            Assert.Equal(6, bands.Count);
            Assert.All(bands, b => Assert.True(b.GetProperty("low95").GetDouble() <= b.GetProperty("low80").GetDouble()
                && b.GetProperty("low80").GetDouble() <= b.GetProperty("median").GetDouble() && b.GetProperty("median").GetDouble() <= b.GetProperty("high80").GetDouble()));
        }
        Assert.All(needs.GetProperty("teachers").EnumerateArray(), b => Assert.Equal(Math.Round(b.GetProperty("median").GetDouble()), b.GetProperty("median").GetDouble()));
        Assert.Equal(needs.GetProperty("budget").ToString(), (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("needs").GetProperty("budget").ToString());
    }

    [Fact]
    public async Task A_scenario_out_of_bounds_is_refused_field_by_field_and_other_roles_get_nothing()
    {
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var clerk = await app.ClientForRoleAsync(Roles.DistributionClerk);

        var bad = await manager.PostAsJsonAsync("/api/v1/planning/forecasts", new { name = "", horizonMonths = 36, assumption = "Guess", low = 5.0, likely = 2.0, high = 1.0 });
        var foreign = await clerk.PostAsJsonAsync("/api/v1/planning/forecasts", Reopening);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _) && errors.TryGetProperty("horizonMonths", out _) && errors.TryGetProperty("assumption", out _), errors.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
    }

    [Fact]
    public async Task The_page_shows_the_fan_chart_and_the_needs_table_of_a_scenario()
    {
        var staff = await app.CreateStaffAsync(Roles.ProgrammeManager);
        var browser = await StaffSession.SignInAsync(app, staff);

        var posted = await Html.PostFormAsync(browser, "/Planning", new Dictionary<string, string>
        {
            ["Input.Name"] = "Reopening", ["Input.Start"] = "2027-03", ["Input.HorizonMonths"] = "4", ["Input.Assumption"] = "ExtraPerMonth",
            ["Input.Low"] = "500", ["Input.Likely"] = "1000", ["Input.High"] = "3000",
        });

        var html = await posted.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("id=\"fan-chart\"", html);
        Assert.Contains("data-need=\"teachers\"", html);
        Assert.Contains("2027-06", html);
        Assert.DoesNotContain("2027-07", html);
    }
}

public sealed class SqlitePlanningTests(SqliteApp app) : PlanningTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPlanningTests(PostgresApp app) : PlanningTests(app), IClassFixture<PostgresApp>;
