using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Food;
using Panah.Data;
using Panah.Data.Access;
using Panah.Data.Food;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Food;

/// <summary>
/// Generation counts a household's members in one grouped query and writes the rows in bulk: it must count only live
/// members (not merged into another registration, not erased), drop a household with none left, apply the size rule
/// to that count, and store rows that read back through EF exactly as written (ids, dates, packs).
/// </summary>
public abstract class CycleGenerationCountTests<TApp>(TApp app) where TApp : PanahApp
{
    private async Task<GenerationResult> GenerateAsync(TestCycle cycle)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("test generation");
        return await CycleGeneration.ActingAs(scope.ServiceProvider, "test:generator").GenerateAsync(cycle.Id, await cycle.VersionAsync(app));
    }

    [Fact]
    public async Task Only_live_members_are_counted_a_household_with_none_is_left_out_and_the_size_rule_applies_to_the_count()
    {
        var cycle = await TestCycle.CreateAsync(app, "KAY", "IST", "SEF", "KAY");
        var (merged, erased, shrunk, whole) = (cycle.Households[0], cycle.Households[1], cycle.Households[2], cycle.Households[3]);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AccessScope>().Everything("test setup");
            var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
            var people = await db.People.Where(p => cycle.Households.Select(h => h.Id).Contains(p.HouseholdId)).Select(p => new { p.Id, p.HouseholdId, p.DataKeyId }).ToListAsync();
            // One member of the first household was a duplicate, merged into a member of the last.
            var duplicate = people.First(p => p.HouseholdId == merged.Id).Id;
            var survivor = people.First(p => p.HouseholdId == whole.Id).Id;
            await db.People.Where(p => p.Id == duplicate).ExecuteUpdateAsync(s => s.SetProperty(p => p.MergedIntoId, survivor));
            // Every member of the second household and one of the third were erased (their keys destroyed).
            var destroyed = people.Where(p => p.HouseholdId == erased.Id).Select(p => p.DataKeyId).Append(people.First(p => p.HouseholdId == shrunk.Id).DataKeyId).ToList();
            await db.DataKeys.Where(k => destroyed.Contains(k.Id)).ExecuteUpdateAsync(s => s.SetProperty(k => k.Wrapped, (byte[]?)null));
        }
        var expected = new Dictionary<Guid, int> { [merged.Id] = merged.Members - 1, [shrunk.Id] = shrunk.Members - 1, [whole.Id] = whole.Members }
            .Where(e => e.Value > 0).ToDictionary();

        var made = await GenerateAsync(cycle);
        Assert.Equal((expected.Count, expected.Values.Sum()), (made.Households, made.People));
        var drafts = await cycle.EntitlementsAsync(app);
        Assert.Equal(expected.OrderBy(e => e.Key), drafts.Select(e => KeyValuePair.Create(e.HouseholdId, e.Members)).OrderBy(e => e.Key));
        Assert.All(drafts, e =>
        {
            Assert.Equal((EntitlementStatus.Draft, 0L, cycle.Households.Single(h => h.Id == e.HouseholdId).Office), (e.Status, e.Version, Office(e.FieldOfficeId)));
            Assert.Equal(e.CreatedAt, e.UpdatedAt);
            var item = Assert.Single(e.Items);
            Assert.Equal((cycle.CommodityId, TestCycle.Sacks(e.Members), 0), (item.CommodityId, item.Packs, item.CollectedPacks));
        });
        Assert.Equal(drafts.Count, drafts.Select(e => e.Id).Distinct().Count());

        // A size rule on the counted members (the largest count only); regenerating replaces the drafts.
        var largest = expected.Values.Max();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var rule = new EligibilityRule { Districts = [cycle.District], MinMembers = largest }.ToJson();
            await scope.ServiceProvider.GetRequiredService<PanahDbContext>().DistributionCycles.Where(c => c.Id == cycle.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Eligibility, rule));
        }
        var narrowed = await GenerateAsync(cycle);
        Assert.Equal(expected.Count(e => e.Value >= largest), narrowed.Households);
        Assert.All(await cycle.EntitlementsAsync(app), e => Assert.Equal(largest, e.Members));
    }

    private string Office(int id)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PanahDbContext>().FieldOffices.Where(o => o.Id == id).Select(o => o.Code).Single();
    }
}

public sealed class SqliteCycleGenerationCountTests(SqliteApp app) : CycleGenerationCountTests<SqliteApp>(app), IClassFixture<SqliteApp>;

public sealed class PostgresCycleGenerationCountTests(PostgresApp app) : CycleGenerationCountTests<PostgresApp>(app), IClassFixture<PostgresApp>;
