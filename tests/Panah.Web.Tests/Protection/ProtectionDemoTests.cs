using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Access;
using Panah.Core.Registry;
using Panah.Data.Demo;
using Panah.Data.Protection;
using Panah.Data.Staff;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Protection;

/// <summary>The protection part of the demo: the case at the services stage comes with a plan, a service and a referral its owner reads.</summary>
public sealed class ProtectionDemoTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_demo_gives_a_case_a_plan_a_service_and_a_referral_to_a_partner()
    {
        var worker = await app.CreateStaffAsync(Roles.CaseWorker, offices: ["IST", "SEF"], programmes: [Programme.Protection]);
        var supervisor = await app.CreateStaffAsync(Roles.CaseWorker, offices: ["IST", "SEF"], programmes: [Programme.Protection]);
        await FoodSeed.HouseholdsAsync(app, 77, ["IST", "IST", "IST", "IST"]);
        await using (var scope = FoodSeed.Everything(app, out var db))
        {
            foreach (var (id, email) in new[] { (worker.User.Id, "caseworker@" + DemoSeeder.Domain), (supervisor.User.Id, "supervisor@" + DemoSeeder.Domain) })
            {
                var user = await db.Users.SingleAsync(u => u.Id == id);
                user.Email = email;
                user.NormalizedEmail = email.ToUpperInvariant();
            }
            var office = await db.FieldOffices.Where(o => o.Code == "IST").Select(o => o.Id).SingleAsync();
            foreach (var person in await db.People.Where(p => p.FieldOfficeId == office).Take(4).ToListAsync())
            {
                person.Vulnerabilities |= Vulnerability.WomanHeadedHousehold;
            }
            await db.SaveChangesAsync();
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetServices<IDemoPart>().OfType<ProtectionDemo>().Single().SeedAsync(CancellationToken.None);
        }

        await using var tokens = app.Services.CreateAsyncScope();
        var (_, secret) = await tokens.ServiceProvider.GetRequiredService<ApiTokens>().IssueOwnAsync(worker.User, "test", 1);
        var client = app.ClientWithToken(secret);
        var cases = await client.GetFromJsonAsync<JsonElement>("/api/v1/protection/cases");
        var services = cases.EnumerateArray().Single(c => c.GetProperty("stage").GetString() == "Services").GetProperty("id").GetGuid();
        var plan = await client.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{services}/plan");
        Assert.Equal(2, plan.GetProperty("items").GetArrayLength());
        Assert.Equal("psychosocial", plan.GetProperty("services")[0].GetProperty("type").GetString());
        var referral = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{services}/referrals"))[0];
        var partner = await client.GetFromJsonAsync<JsonElement>($"/api/v1/protection/partners/{referral.GetProperty("partnerId").GetInt32()}");
        Assert.Contains("legal", partner.GetProperty("services").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("Services", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{services}")).GetProperty("stage").GetString());
    }
}
