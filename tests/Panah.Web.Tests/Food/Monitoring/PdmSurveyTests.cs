using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Access;
using Panah.Data.Food;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Food.Monitoring;

/// <summary>An enumerator's survey through the API: scored as the domain guide says, answers sealed, one per sampled household.</summary>
public abstract class PdmSurveyTests<TApp>(TApp app) where TApp : MonitoringApp
{
    public const string Canary = "Pdmcanarycomment Qzvx";

    /// <summary>Answers whose scores were worked by hand (see the test).</summary>
    public static Dictionary<string, object?> Answers(string comment = Canary) => new()
    {
        ["food.staples"] = 7, ["food.pulses"] = 3, ["food.dairy"] = 0, ["food.meat"] = 2, ["food.fish"] = 3, ["food.eggs"] = 4,
        ["food.vegetables"] = 5, ["food.fruit"] = 1, ["food.oil"] = 7, ["food.sugar"] = 7, ["food.condiments"] = 7,
        ["coping.lessPreferredFood"] = 1, ["coping.borrowFood"] = 2, ["coping.fewerMeals"] = 3, ["coping.smallerPortions"] = 4, ["coping.adultsEatLess"] = 5,
        ["hunger1.happened"] = "no", ["hunger1.frequency"] = "rarely", ["hunger2.happened"] = "no", ["hunger3.happened"] = "no",
        ["livelihood.spent_savings"] = "yes", ["livelihood.begged"] = "notApplicable",
        ["spending.food_bought"] = 70, ["spending.rent"] = "300",
        ["collectedBy"] = "head", ["waitingMinutes"] = 25, ["receivedEverything"] = true, ["itemsReceived"] = "rice 20 kg", ["comment"] = comment,
    };

    /// <summary>A cycle of 20 collecting households and its sample (18 of them: 24.01 / (1 + 23.01/20) = 11.16 → 12, × 1.5).</summary>
    public static async Task<(int Cycle, List<Guid> Sampled, List<Guid> NotSampled)> SampledCycleAsync(PanahApp app, int seed)
    {
        var households = await MonitoringSeed.HouseholdsAsync(app, 20, seed);
        var cycle = await MonitoringSeed.CycleAsync(app, households, [], new DateOnly(2026, 8, 1));
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var drawn = await manager.PostAsJsonAsync($"/api/v1/food/monitoring/cycles/{cycle}/sample", new { seed });
        Assert.True(drawn.StatusCode == HttpStatusCode.Created, string.Join('\n', app.Logs.Lines.Where(l => l.Contains("Exception", StringComparison.Ordinal)).TakeLast(2)));
        var sampled = (await drawn.Content.ReadFromJsonAsync<JsonObject>())!["households"]!.AsArray().Select(h => h!["householdId"]!.GetValue<Guid>()).ToList();
        Assert.Equal(18, sampled.Count);
        return (cycle, sampled, [.. households.Select(h => h.Id).Except(sampled)]);
    }

    [Fact]
    public async Task A_survey_is_scored_sealed_and_taken_once()
    {
        var (cycle, sampled, notSampled) = await SampledCycleAsync(app, 21);
        var clerk = await app.ClientForRoleAsync(Roles.DistributionClerk);
        var url = $"/api/v1/food/monitoring/cycles/{cycle}/surveys";

        var created = await clerk.PostAsJsonAsync(url, new { householdId = sampled[0], answers = Answers() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var scores = body["scores"]!;
        // FCS 7×2 + 3×3 + 0 + min(9, 7)×4 + 5 + 1 + 3.5 + 3.5 = 64 (acceptable); rCSI 1 + 4 + 3 + 4 + 15 = 27 (phase 3);
        // HHS from the frequency after a "no": rarely = 1; LCS stress (spent savings) = 2; FES 300 / 600 = 50 % → 2;
        // CARI: FCS acceptable with rCSI ≥ 4 → 2, coping mean(2, 2) = 2 → 2.
        Assert.Equal(64, scores["fcs"]!.GetValue<double>());
        Assert.Equal("acceptable", scores["fcsCategory"]!.GetValue<string>());
        Assert.Equal(27, scores["rcsi"]!.GetValue<int>());
        Assert.Equal(3, scores["rcsiPhase"]!.GetValue<int>());
        Assert.Equal(1, scores["hhs"]!.GetValue<int>());
        Assert.Equal(2, scores["lcs"]!.GetValue<int>());
        Assert.Equal(2, scores["fes"]!.GetValue<int>());
        Assert.Equal(2, scores["cari"]!.GetValue<int>());

        // The answers open with the household's key, as typed.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("test check");
            var answers = await scope.ServiceProvider.GetRequiredService<PdmSurveys>().OpenAsync(body["id"]!.GetValue<Guid>());
            Assert.Equal(Canary, answers!.Comment);
            Assert.Equal(4, answers.FoodDays["eggs"]);
            var row = await scope.ServiceProvider.GetRequiredService<PanahDbContext>().PdmSurveys.SingleAsync(s => s.CycleId == cycle);
            Assert.True(row.Sealed.AsSpan().IndexOf("Pdmcanary"u8) < 0);
        }

        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync(url, new { householdId = sampled[0], answers = Answers() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.PostAsJsonAsync(url, new { householdId = notSampled[0], answers = Answers() })).StatusCode);
    }

    [Fact]
    public async Task Answers_out_of_range_or_of_the_wrong_kind_are_refused_with_the_field_named()
    {
        var (cycle, sampled, _) = await SampledCycleAsync(app, 22);
        var clerk = await app.ClientForRoleAsync(Roles.DistributionClerk);
        var url = $"/api/v1/food/monitoring/cycles/{cycle}/surveys";
        var answers = Answers();
        answers["food.staples"] = 8;
        answers["coping.borrowFood"] = "often";
        answers["hunger2.frequency"] = "always";
        answers["spending.rent"] = -5;
        answers["food.fruit"] = new { days = 3 };
        answers["favouriteColour"] = "blue";

        var refused = await clerk.PostAsJsonAsync(url, new { householdId = sampled[1], answers });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["coping.borrowFood", "favouriteColour", "food.fruit", "food.staples", "hunger2.frequency", "spending.rent"], errors.Select(e => e.Key).Order());
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("test check");
        Assert.False(await scope.ServiceProvider.GetRequiredService<PanahDbContext>().PdmSurveys.AnyAsync(s => s.CycleId == cycle));
    }
}

public sealed class SqlitePdmSurveyTests(SqliteMonitoringApp app) : PdmSurveyTests<SqliteMonitoringApp>(app), IClassFixture<SqliteMonitoringApp>;

public sealed class PostgresPdmSurveyTests(PostgresMonitoringApp app) : PdmSurveyTests<PostgresMonitoringApp>(app), IClassFixture<PostgresMonitoringApp>;
