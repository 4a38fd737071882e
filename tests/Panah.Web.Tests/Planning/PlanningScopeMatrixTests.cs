using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Panah.Data.Staff;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Planning;

/// <summary>
/// The planning endpoints by caller and office, written out: scenarios are the organisation's plans (any programme
/// manager reads them), but the baseline (with its structure) and every forecast start from the reader's own offices'
/// registry, and a forecast's food from the food programme's ration.
/// </summary>
public abstract class PlanningScopeMatrixTests(PanahApp app)
{
    // endpoint (after /api/v1/planning)   KAY manager  IST manager  KAY clerk  KAY case worker
    private const string Matrix = """
        GET  /scenarios/{id}                200          200          403        403
        GET  /scenarios/{id}/forecast       200          200          403        403
        GET  /scenarios/{id}/sensitivity    200          200          403        403
        GET  /scenarios/{id}/forecast.xlsx  200          200          403        403
        GET  /scenarios/{id}/brief.pdf      200          200          403        403
        GET  /compare?ids={id}&ids={other} 200          200          403        403
        GET  /scenarios/{missing}           404          404          403        403
        GET  /baseline                      200          200          403        403
        POST /forecasts                     200          200          403        403
        """;

    private static readonly object Forecast = new
    {
        name = "Matrix", start = new DateOnly(2027, 3, 1), horizonMonths = 3, assumption = "Multiplier", low = 1.0, likely = 2.0, high = 4.0, futures = 200,
    };

    [Fact]
    public async Task Every_stored_scenario_endpoint_answers_each_caller_as_written()
    {
        var kay = await app.ClientForRoleAsync(Roles.ProgrammeManager, offices: ["KAY"]);
        var callers = new[]
        {
            kay,
            await app.ClientForRoleAsync(Roles.ProgrammeManager, offices: ["IST"]),
            await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["KAY"]),
            await app.ClientForRoleAsync(Roles.CaseWorker, offices: ["KAY"]),
        };
        var id = await CreateAsync(kay);
        var other = await CreateAsync(kay);
        var failures = new List<string>();
        var cells = 0;
        foreach (var line in Matrix.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var url = "/api/v1/planning" + parts[1].Replace("{id}", id.ToString()).Replace("{other}", other.ToString()).Replace("{missing}", "999999");
            for (var i = 0; i < callers.Length; i++)
            {
                var status = (int)(parts[0] == "POST" ? await callers[i].PostAsJsonAsync(url, Forecast) : await callers[i].GetAsync(url)).StatusCode;
                cells++;
                if (status != int.Parse(parts[2 + i]))
                {
                    failures.Add($"{parts[0]} {parts[1]} caller {i}: expected {parts[2 + i]}, got {status}");
                }
            }
        }
        Assert.Equal(36, cells);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_stored_scenario_is_forecast_from_each_managers_own_offices()
    {
        var kay = await app.ClientForRoleAsync(Roles.ProgrammeManager, offices: ["KAY"]);
        var ist = await app.ClientForRoleAsync(Roles.ProgrammeManager, offices: ["IST"]);
        var id = await CreateAsync(kay);
        var kayBefore = await PopulationAsync(kay, id);
        var istBefore = await PopulationAsync(ist, id);

        var seeded = await FoodSeed.HouseholdsAsync(app, 83, ["KAY", "IST", "IST"]);

        Assert.Equal(kayBefore + seeded.Where(h => h.Office == "KAY").Sum(h => 1 + h.Others.Count), await PopulationAsync(kay, id));
        Assert.Equal(istBefore + seeded.Where(h => h.Office == "IST").Sum(h => 1 + h.Others.Count), await PopulationAsync(ist, id));
    }

    [Fact]
    public async Task The_baselines_structure_counts_each_managers_own_offices_only()
    {
        var kay = await app.ClientForRoleAsync(Roles.ProgrammeManager, offices: ["KAY"]);
        var ist = await app.ClientForRoleAsync(Roles.ProgrammeManager, offices: ["IST"]);
        var (kayBefore, istBefore) = (await StructureAsync(kay), await StructureAsync(ist));

        var seeded = await FoodSeed.HouseholdsAsync(app, 84, ["KAY", "IST", "IST"]);

        Assert.Equal((kayBefore.Households + 1, kayBefore.People + seeded.Where(h => h.Office == "KAY").Sum(h => 1 + h.Others.Count)), await StructureAsync(kay));
        Assert.Equal((istBefore.Households + 2, istBefore.People + seeded.Where(h => h.Office == "IST").Sum(h => 1 + h.Others.Count)), await StructureAsync(ist));
    }

    /// <summary>The households the baseline's sizes count and the people its sex-and-age table counts.</summary>
    private static async Task<(int Households, int People)> StructureAsync(HttpClient client)
    {
        var structure = (await client.GetFromJsonAsync<JsonElement>("/api/v1/planning/baseline")).GetProperty("structure");
        return (structure.GetProperty("householdsBySize").EnumerateArray().Sum(x => x.GetInt32()),
            structure.GetProperty("sexAndAge").EnumerateArray().Sum(r => r.GetProperty("counts").EnumerateArray().Sum(x => x.GetInt32())));
    }

    private static async Task<int> PopulationAsync(HttpClient client, int id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/planning/scenarios/{id}/forecast")).GetProperty("baseline").GetProperty("population").GetInt32();

    private static async Task<int> CreateAsync(HttpClient client)
    {
        var created = await client.PostAsJsonAsync("/api/v1/planning/scenarios", new
        {
            name = "Scope " + Guid.NewGuid().ToString("N")[..8], start = new DateOnly(2027, 3, 1), horizonMonths = 3, triggers = "Offices reopen",
            assumption = "Multiplier", low = 1.0, likely = 2.0, high = 4.0,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}

public sealed class SqlitePlanningScopeMatrixTests(SqliteApp app) : PlanningScopeMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresPlanningScopeMatrixTests(PostgresApp app) : PlanningScopeMatrixTests(app), IClassFixture<PostgresApp>;
