using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Registry;
using Panah.Data;
using Panah.Data.Access;
using Panah.Data.Staff;

namespace Panah.Web.Tests.Food.Monitoring;

/// <summary>The dashboard's people reached: members of the households that collected, by sex and UNHCR age bracket, small cells hidden.</summary>
public abstract class MonitoringDashboardTests<TApp>(TApp app) where TApp : MonitoringApp
{
    [Fact]
    public async Task People_reached_by_sex_and_age_hide_small_cells_and_the_cells_that_would_give_them_away()
    {
        var households = await MonitoringSeed.HouseholdsAsync(app, 8, 51);
        var collecting = households.Take(6).ToList();
        var cycle = await MonitoringSeed.CycleAsync(app, collecting, households.Skip(6).ToList(), new DateOnly(2026, 7, 1));
        int reached;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("test setup");
            var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
            var ids = collecting.Select(h => h.Id).ToList();
            var people = await db.People.Where(p => ids.Contains(p.HouseholdId)).OrderBy(p => p.Id).ToListAsync();
            // Three girls aged 2 in 2026; everyone else a man of 36.
            foreach (var (p, i) in people.Select((p, i) => (p, i)))
            {
                (p.Sex, p.BirthYear) = i < 3 ? (Sex.Female, 2024) : (Sex.Male, 1990);
            }
            await db.SaveChangesAsync();
            reached = people.Count;
        }
        Assert.True(reached - 3 >= 5);
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);

        var figures = (await manager.GetFromJsonAsync<JsonObject>($"/api/v1/food/monitoring/cycles/{cycle}/indicators"))!;

        var rows = figures["peopleReached"]!.AsArray().ToDictionary(r => r!["sex"]!.GetValue<string>(), r => r!);
        int? Cell(string sex, int age) => rows[sex]["ages"]![age]?.GetValue<int>();
        // 3 girls of 0–4: hidden, and so is the female total (3).
        Assert.Null(Cell("female", 0));
        Assert.Null(rows["female"]["total"]);
        Assert.Equal(reached - 3, Cell("male", 3));
        Assert.Equal(reached - 3, rows["male"]["total"]!.GetValue<int>());
        // Members of the two households that did not collect are not counted.
        Assert.Equal(reached, figures["peopleTotal"]!.GetValue<int>());
        Assert.Null(figures["peopleByAge"]![0]);
        // No row or column (with its total) has a single hidden entry: nothing hidden can be had by subtraction.
        var table = rows.Values.Select(r => r["ages"]!.AsArray().Select(c => c is null).Append(r["total"] is null).ToList())
            .Append([.. figures["peopleByAge"]!.AsArray().Select(c => c is null), figures["peopleTotal"] is null]).ToList();
        Assert.All(table, row => Assert.NotEqual(1, row.Count(hidden => hidden)));
        Assert.All(Enumerable.Range(0, table[0].Count), c => Assert.NotEqual(1, table.Count(row => row[c])));
        Assert.Equal(5, figures["suppressBelow"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_dashboard_page_shows_the_indicators_of_a_cycle_to_a_programme_manager()
    {
        var (cycle, sampled, _) = await PdmSurveyTests<TApp>.SampledCycleAsync(app, 52);
        var clerk = await app.ClientForRoleAsync(Roles.DistributionClerk);
        foreach (var household in sampled.Take(6))
        {
            Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync($"/api/v1/food/monitoring/cycles/{cycle}/surveys",
                new { householdId = household, answers = PdmSurveyTests<TApp>.Answers("fine") })).StatusCode);
        }
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);

        var figures = (await manager.GetFromJsonAsync<JsonObject>($"/api/v1/food/monitoring/cycles/{cycle}/indicators"))!;
        Assert.Equal(6, figures["surveyed"]!.GetValue<int>());
        // All six acceptable (FCS 64), rCSI phase 3, CARI 2; a 0 is shown (only counts 1–4 are small cells).
        Assert.Equal([0, 0, 6], figures["fcs"]!["counts"]!.AsArray().Select(c => c?.GetValue<int>()));
        Assert.Equal(6, figures["cari"]!["counts"]![1]!.GetValue<int>());

        var page = await manager.GetAsync($"/Food/Monitoring?cycle={cycle}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("id=\"people-table\"", html);
        Assert.Contains("/lib/chartjs/chart.umd.min.js", html);
    }
}

public sealed class SqliteMonitoringDashboardTests(SqliteMonitoringApp app) : MonitoringDashboardTests<SqliteMonitoringApp>(app), IClassFixture<SqliteMonitoringApp>;

public sealed class PostgresMonitoringDashboardTests(PostgresMonitoringApp app) : MonitoringDashboardTests<PostgresMonitoringApp>(app), IClassFixture<PostgresMonitoringApp>;
