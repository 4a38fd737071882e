using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Demo;
using Panah.Data.Food;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Food;

/// <summary>Commodities and baskets through the API: the seeded table, the guide's baskets checked against Sphere, validation, concurrency.</summary>
public abstract class BasketsApiTests(PanahApp app)
{
    private HttpClient? manager;

    private async Task<HttpClient> ManagerAsync() => manager ??= await app.ClientForRoleAsync(Roles.ProgrammeManager);

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<Dictionary<string, JsonElement>> CommoditiesAsync() =>
        (await ReadAsync(await (await ManagerAsync()).GetAsync("/api/v1/food/commodities"), HttpStatusCode.OK))
            .EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);

    private async Task<object[]> GuideRationAsync(string staple, double oil = 25)
    {
        var c = await CommoditiesAsync();
        object Item(string code, double grams) => new { commodityId = c[code].GetProperty("id").GetInt32(), quantity = grams };
        return [Item(staple, 400), Item("beans", 60), Item("vegetable-oil", oil), Item("csb", 50), Item("sugar", 15), Item("salt", 5)];
    }

    [Fact]
    public async Task A_new_database_has_the_domain_guides_commodities_with_their_packs()
    {
        var c = await CommoditiesAsync();

        // Other tests of the class add commodities of their own.
        Assert.Superset(new HashSet<string> { "beans", "csb", "lentils", "maize-meal", "rice", "salt", "sugar", "vegetable-oil", "wheat-flour" }, c.Keys.ToHashSet());
        var maize = c["maize-meal"];
        Assert.Equal(360, maize.GetProperty("kcalPer100g").GetDouble());
        Assert.Equal(9, maize.GetProperty("proteinPer100g").GetDouble());
        Assert.Equal(3.5, maize.GetProperty("fatPer100g").GetDouble());
        Assert.Equal(25_000, maize.GetProperty("packGrams").GetInt32());
        Assert.Equal(4_600, c["vegetable-oil"].GetProperty("packGrams").GetInt32());
        Assert.Equal("l", c["vegetable-oil"].GetProperty("unit").GetString());
        Assert.Equal(1_000, c["salt"].GetProperty("packGrams").GetInt32());
    }

    [Fact]
    public async Task The_seed_runs_on_an_empty_table_only()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Panah.Data.PanahDbContext>();
        var before = db.Commodities.Count();

        await CommoditySeed.EnsureAsync(db);

        Assert.Equal(before, db.Commodities.Count());
    }

    [Fact]
    public async Task The_maize_basket_meets_the_standard_with_the_guides_figures()
    {
        var client = await ManagerAsync();
        var created = await ReadAsync(await client.PostAsJsonAsync("/api/v1/food/baskets", new { name = "Maize", kind = "ration", items = await GuideRationAsync("maize-meal") }), HttpStatusCode.Created);

        var basket = await ReadAsync(await client.GetAsync($"/api/v1/food/baskets/{created.GetProperty("id").GetInt32()}"), HttpStatusCode.OK);

        var totals = basket.GetProperty("totals");
        Assert.Equal(2112, totals.GetProperty("kcal").GetDouble());
        Assert.Equal(57.0, totals.GetProperty("proteinGrams").GetDouble());
        Assert.Equal(42.7, totals.GetProperty("fatGrams").GetDouble());
        Assert.Equal(10.8, totals.GetProperty("proteinPercent").GetDouble());
        Assert.Equal(18.2, totals.GetProperty("fatPercent").GetDouble());
        Assert.Equal(555, totals.GetProperty("grams").GetDouble());
        var check = basket.GetProperty("check");
        Assert.True(check.GetProperty("meets").GetBoolean());
        Assert.Equal(2100, check.GetProperty("minKcal").GetDouble());
        Assert.Equal("ration", basket.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_wheat_basket_fails_on_fat_and_energy_until_it_gets_more_oil()
    {
        var client = await ManagerAsync();
        var wheat = await ReadAsync(await client.PostAsJsonAsync("/api/v1/food/baskets", new { name = "Wheat", kind = "ration", items = await GuideRationAsync("wheat-flour") }), HttpStatusCode.Created);
        var check = wheat.GetProperty("check");
        Assert.Equal(2072, wheat.GetProperty("totals").GetProperty("kcal").GetDouble());
        Assert.Equal(15.1, wheat.GetProperty("totals").GetProperty("fatPercent").GetDouble());
        Assert.False(check.GetProperty("fatMet").GetBoolean());
        Assert.False(check.GetProperty("energyMet").GetBoolean());
        Assert.True(check.GetProperty("proteinMet").GetBoolean());
        Assert.False(check.GetProperty("meets").GetBoolean());

        var id = wheat.GetProperty("id").GetInt32();
        var fixedBasket = await ReadAsync(await client.PutAsJsonAsync($"/api/v1/food/baskets/{id}",
            new { name = "Wheat", kind = "ration", items = await GuideRationAsync("wheat-flour", oil: 35), version = wheat.GetProperty("version").GetInt64() }), HttpStatusCode.OK);

        Assert.True(fixedBasket.GetProperty("check").GetProperty("meets").GetBoolean());
        Assert.Equal(6, fixedBasket.GetProperty("items").GetArrayLength());
        Assert.Equal(35, fixedBasket.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "vegetable-oil").GetProperty("quantity").GetDouble());
    }

    [Fact]
    public async Task A_kit_reports_its_weight_per_household_and_no_sphere_check()
    {
        var c = await CommoditiesAsync();
        var kit = await ReadAsync(await (await ManagerAsync()).PostAsJsonAsync("/api/v1/food/baskets", new
        {
            name = "Ramadan",
            kind = "kit",
            items = new[] { new { commodityId = c["rice"].GetProperty("id").GetInt32(), quantity = 1.0 }, new { commodityId = c["vegetable-oil"].GetProperty("id").GetInt32(), quantity = 1.0 }, new { commodityId = c["sugar"].GetProperty("id").GetInt32(), quantity = 2.0 } },
        }), HttpStatusCode.Created);

        Assert.Equal(31.6, kit.GetProperty("kitKilograms").GetDouble());
        Assert.Equal(JsonValueKind.Null, kit.GetProperty("check").ValueKind);
    }

    [Fact]
    public async Task Invalid_input_is_a_problem_naming_each_field()
    {
        var client = await ManagerAsync();
        var c = await CommoditiesAsync();
        var basket = await ReadAsync(await client.PostAsJsonAsync("/api/v1/food/baskets", new
        {
            name = "",
            kind = "parcel",
            items = new[] { new { commodityId = c["rice"].GetProperty("id").GetInt32(), quantity = 400.0 }, new { commodityId = c["rice"].GetProperty("id").GetInt32(), quantity = -5.0 }, new { commodityId = int.MaxValue, quantity = 10.0 } },
        }), HttpStatusCode.BadRequest);
        var errors = basket.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.True(errors.TryGetProperty("items[1].commodityId", out _));
        Assert.True(errors.TryGetProperty("items[2].commodityId", out _));

        var kit = await ReadAsync(await client.PostAsJsonAsync("/api/v1/food/baskets", new { name = "Kit", kind = "kit", items = new[] { new { commodityId = c["rice"].GetProperty("id").GetInt32(), quantity = 1.5 } } }), HttpStatusCode.BadRequest);
        Assert.True(kit.GetProperty("errors").TryGetProperty("items[0].quantity", out _));

        var commodity = await ReadAsync(await client.PostAsJsonAsync("/api/v1/food/commodities", new
        {
            code = "Maize Meal", name = "Maize", kcalPer100g = 1200.0, proteinPer100g = 60.0, fatPer100g = 50.0, unit = "sack", packGrams = 0, packLabel = "sack",
        }), HttpStatusCode.BadRequest);
        var fields = commodity.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["code", "fatPer100g", "kcalPer100g", "packGrams", "unit"], fields);
    }

    [Fact]
    public async Task A_commodity_is_edited_at_its_version_and_once_deactivated_is_not_added_to_a_new_basket()
    {
        var client = await ManagerAsync();
        var created = await ReadAsync(await client.PostAsJsonAsync("/api/v1/food/commodities", new
        {
            code = "dates", name = "Dates", kcalPer100g = 280.0, proteinPer100g = 2.5, fatPer100g = 0.4, unit = "kg", packGrams = 1000, packLabel = "1 kg box",
        }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        object Body(long version, bool active) => new { code = "dates", name = "Dates", kcalPer100g = 282.0, proteinPer100g = 2.5, fatPer100g = 0.4, unit = "kg", packGrams = 1000, packLabel = "1 kg box", active, version };

        var edited = await ReadAsync(await client.PutAsJsonAsync($"/api/v1/food/commodities/{id}", Body(0, active: true)), HttpStatusCode.OK);
        Assert.Equal(282, edited.GetProperty("kcalPer100g").GetDouble());
        Assert.Equal(1, edited.GetProperty("version").GetInt64());
        await ReadAsync(await client.PutAsJsonAsync($"/api/v1/food/commodities/{id}", Body(0, active: false)), HttpStatusCode.Conflict);
        await ReadAsync(await client.PutAsJsonAsync($"/api/v1/food/commodities/{id}", Body(1, active: false)), HttpStatusCode.OK);

        var refused = await ReadAsync(await client.PostAsJsonAsync("/api/v1/food/baskets", new { name = "Dates kit", kind = "kit", items = new[] { new { commodityId = id, quantity = 1.0 } } }), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("items[0].commodityId", out _));
        Assert.False((await CommoditiesAsync())["dates"].GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task A_basket_changed_by_someone_else_is_a_conflict()
    {
        var client = await ManagerAsync();
        var items = await GuideRationAsync("rice");
        var created = await ReadAsync(await client.PostAsJsonAsync("/api/v1/food/baskets", new { name = "Rice", kind = "ration", items }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();

        await ReadAsync(await client.PutAsJsonAsync($"/api/v1/food/baskets/{id}", new { name = "Rice 2", kind = "ration", items, version = 0 }), HttpStatusCode.OK);
        await ReadAsync(await client.PutAsJsonAsync($"/api/v1/food/baskets/{id}", new { name = "Rice 3", kind = "ration", items, version = 0 }), HttpStatusCode.Conflict);

        Assert.Equal("Rice 2", (await ReadAsync(await client.GetAsync($"/api/v1/food/baskets/{id}"), HttpStatusCode.OK)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_food_design_api()
    {
        var doc = await (await (await ManagerAsync()).GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();

        Assert.Contains("/api/v1/food/commodities/{id}", doc, StringComparison.Ordinal);
        Assert.Contains("/api/v1/food/baskets", doc, StringComparison.Ordinal);
        Assert.Contains("SphereCheckDto", doc, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_has_the_maize_and_the_fixed_wheat_ration_and_a_ramadan_kit_once()
    {
        for (var run = 0; run < 2; run++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetServices<IDemoPart>().OfType<BasketsDemo>().Single().SeedAsync(CancellationToken.None);
        }

        var baskets = (await ReadAsync(await (await ManagerAsync()).GetAsync("/api/v1/food/baskets"), HttpStatusCode.OK)).EnumerateArray()
            .Where(b => b.GetProperty("name").GetString() is BasketsDemo.Maize or BasketsDemo.Wheat or BasketsDemo.Ramadan).ToList();
        Assert.Equal(3, baskets.Count);
        Assert.All(baskets.Where(b => b.GetProperty("kind").GetString() == "ration"), b => Assert.True(b.GetProperty("check").GetProperty("meets").GetBoolean()));
        Assert.Equal("kit", baskets.Single(b => b.GetProperty("name").GetString() == BasketsDemo.Ramadan).GetProperty("kind").GetString());
    }
}

public sealed class SqliteBasketsApiTests(SqliteApp app) : BasketsApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresBasketsApiTests(PostgresApp app) : BasketsApiTests(app), IClassFixture<PostgresApp>;
