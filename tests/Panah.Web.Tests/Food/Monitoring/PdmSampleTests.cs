using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Staff;

namespace Panah.Web.Tests.Food.Monitoring;

/// <summary>A cycle's monitoring sample: drawn once, from the households that collected only, the same for the same seed.</summary>
public abstract class PdmSampleTests<TApp>(TApp app) where TApp : MonitoringApp
{
    [Fact]
    public async Task The_sample_is_drawn_from_collecting_households_with_cochrans_size_and_is_reproducible_for_a_seed()
    {
        var households = await MonitoringSeed.HouseholdsAsync(app, 50, 11);
        var collecting = households.Take(40).ToList();
        var first = await MonitoringSeed.CycleAsync(app, collecting, households.Skip(40).ToList(), new DateOnly(2026, 10, 1));
        var same = await MonitoringSeed.CycleAsync(app, collecting, [], new DateOnly(2026, 11, 1));
        var other = await MonitoringSeed.CycleAsync(app, collecting, [], new DateOnly(2026, 12, 1));
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);

        var drawn = await DrawAsync(manager, first, 1234);
        // N = 40 collecting households (the 10 others are entitled but did not collect; one collected twice).
        Assert.Equal(40, drawn["population"]!.GetValue<int>());
        Assert.Equal(24, drawn["size"]!.GetValue<int>());
        Assert.Equal(16, drawn["correctedRoundedUp"]!.GetValue<int>());
        Assert.Equal(1234, drawn["seed"]!.GetValue<int>());
        Assert.Contains("= 24.01", drawn["working"]!.GetValue<string>());
        var sampled = Households(drawn);
        Assert.Equal(24, sampled.Distinct().Count());
        Assert.All(sampled, id => Assert.Contains(id, collecting.Select(h => h.Id)));

        Assert.Equal(sampled, Households(await DrawAsync(manager, same, 1234)));
        Assert.NotEqual(sampled.Order(), Households(await DrawAsync(manager, other, 99)).Order());

        // Stored: read back as drawn; drawn once.
        Assert.Equal(sampled, Households((await manager.GetFromJsonAsync<JsonObject>($"/api/v1/food/monitoring/cycles/{first}/sample"))!));
        var again = await manager.PostAsJsonAsync($"/api/v1/food/monitoring/cycles/{first}/sample", new { seed = 5 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsJsonAsync("/api/v1/food/monitoring/cycles/999999/sample", new { seed = 5 })).StatusCode);
    }

    [Fact]
    public async Task A_clerk_sees_only_the_sampled_households_of_their_own_offices()
    {
        var households = await MonitoringSeed.HouseholdsAsync(app, 30, 12);
        var cycle = await MonitoringSeed.CycleAsync(app, households, [], new DateOnly(2026, 9, 1));
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var all = Households(await DrawAsync(manager, cycle, 7));
        var office = households.GroupBy(h => h.OfficeId).OrderByDescending(g => g.Count()).First().Key;
        var code = (await OfficeCodeAsync(office))!;

        var clerk = await app.ClientForRoleAsync(Roles.DistributionClerk, offices: [code]);
        var seen = Households((await clerk.GetFromJsonAsync<JsonObject>($"/api/v1/food/monitoring/cycles/{cycle}/sample"))!);

        Assert.Equal(all.Where(id => households.Single(h => h.Id == id).OfficeId == office), seen);
        Assert.NotEqual(all.Count, seen.Count);
    }

    [Fact]
    public async Task A_clerk_draws_the_sample_from_every_office_of_the_cycle_but_sees_only_their_own()
    {
        var households = await MonitoringSeed.HouseholdsAsync(app, 30, 13);
        var cycle = await MonitoringSeed.CycleAsync(app, households, [], new DateOnly(2026, 8, 1));
        var office = households.GroupBy(h => h.OfficeId).OrderByDescending(g => g.Count()).First().Key;
        Assert.True(households.Count(h => h.OfficeId == office) < households.Count);
        var clerk = await app.ClientForRoleAsync(Roles.DistributionClerk, offices: [(await OfficeCodeAsync(office))!]);

        var drawn = await DrawAsync(clerk, cycle, 7);

        // N = all 30 collecting households: n0 = 24.01 → 24.01 / (1 + 23.01/30) = 13.58 → 14; × 1.5 = 21.
        Assert.Equal(30, drawn["population"]!.GetValue<int>());
        Assert.Equal(21, drawn["size"]!.GetValue<int>());
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager);
        var all = Households((await manager.GetFromJsonAsync<JsonObject>($"/api/v1/food/monitoring/cycles/{cycle}/sample"))!);
        Assert.Equal(21, all.Count);
        Assert.Equal(all.Where(id => households.Single(h => h.Id == id).OfficeId == office), Households(drawn));
    }

    private async Task<string?> OfficeCodeAsync(int officeId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        return await db.FieldOffices.Where(o => o.Id == officeId).Select(o => o.Code).FirstOrDefaultAsync();
    }

    private async Task<JsonObject> DrawAsync(HttpClient client, int cycle, int seed)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/food/monitoring/cycles/{cycle}/sample", new { seed });
        Assert.True(response.StatusCode == HttpStatusCode.Created, string.Join('\n', app.Logs.Lines.Where(l => l.Contains("Exception", StringComparison.Ordinal)).TakeLast(2)));
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static List<Guid> Households(JsonObject sample) =>
        [.. sample["households"]!.AsArray().Select(h => h!["householdId"]!.GetValue<Guid>())];
}

public sealed class SqlitePdmSampleTests(SqliteMonitoringApp app) : PdmSampleTests<SqliteMonitoringApp>(app), IClassFixture<SqliteMonitoringApp>;

public sealed class PostgresPdmSampleTests(PostgresMonitoringApp app) : PdmSampleTests<PostgresMonitoringApp>(app), IClassFixture<PostgresMonitoringApp>;
