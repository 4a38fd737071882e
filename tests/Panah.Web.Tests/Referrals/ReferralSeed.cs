using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Access;
using Panah.Core.Demo;
using Panah.Core.Registry;
using Panah.Data.Protection;
using Panah.Data.Registry;
using Panah.Data.Staff;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Referrals;

/// <summary>A staff member's token client and account id.</summary>
public sealed record Staffer(HttpClient Client, string Id);

/// <summary>A team of KAY (owner, a colleague, their supervisor) and a worker of another team.</summary>
public sealed record Team(Staffer Owner, Staffer Colleague, Staffer Supervisor, Staffer OtherTeam);

public static class ReferralSeed
{
    public static async Task<Staffer> StafferAsync(PanahApp app, string role = Roles.CaseWorker)
    {
        var staff = await app.CreateStaffAsync(role, offices: ["KAY"], programmes: [Programme.Protection]);
        await using var scope = app.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueOwnAsync(staff.User, "test", 1);
        return new Staffer(app.ClientWithToken(secret), staff.User.Id);
    }

    public static async Task<Team> TeamAsync(PanahApp app)
    {
        var (owner, colleague, supervisor, other, otherSupervisor) = (await StafferAsync(app), await StafferAsync(app), await StafferAsync(app), await StafferAsync(app), await StafferAsync(app));
        await using var scope = FoodSeed.Everything(app, out var db);
        var office = await db.FieldOffices.Where(o => o.Code == "KAY").Select(o => o.Id).SingleAsync();
        var team = new ProtectionTeam { Name = FoodSeed.NewCode("team-"), FieldOfficeId = office, SupervisorId = supervisor.Id };
        var otherTeam = new ProtectionTeam { Name = FoodSeed.NewCode("team-"), FieldOfficeId = office, SupervisorId = otherSupervisor.Id };
        db.ProtectionTeams.AddRange(team, otherTeam);
        await db.SaveChangesAsync();
        db.ProtectionTeamMembers.AddRange(
            new ProtectionTeamMember { TeamId = team.Id, StaffUserId = owner.Id },
            new ProtectionTeamMember { TeamId = team.Id, StaffUserId = colleague.Id },
            new ProtectionTeamMember { TeamId = otherTeam.Id, StaffUserId = other.Id });
        await db.SaveChangesAsync();
        return new Team(owner, colleague, supervisor, other);
    }

    /// <summary>A registered person of KAY with the registration consent and <paramref name="purposes"/>.</summary>
    public static async Task<Guid> PersonAsync(PanahApp app, int seed, params ConsentPurpose[] purposes)
    {
        await using var scope = FoodSeed.Everything(app, out var db);
        var store = scope.ServiceProvider.GetRequiredService<RegistryStore>();
        var office = await db.FieldOffices.SingleAsync(o => o.Code == "KAY");
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var h = new DemoHouseholds(new Random(seed), new DateOnly(2026, 11, 1)).Next();
        var head = h.Members.Single(m => m.Relationship == Relationship.Head);
        Consent[] consents = [new(ConsentPurpose.Registration, today.AddDays(-30), "2026-1"), .. purposes.Select(p => new Consent(p, today.AddDays(-1), "2026-1"))];
        var record = store.Build(office, h.Household, [head with { Consents = consents }], out _);
        db.Households.Add(record);
        await db.SaveChangesAsync();
        return record.Members.Single().Id;
    }

    public static async Task<Guid> OpenCaseAsync(Staffer owner, Guid personId, string type = "ChildSeparated")
    {
        var response = await owner.Client.PostAsJsonAsync("/api/v1/protection/cases", new { personId, type, risk = "High", summary = "lives with a neighbour" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<long> VersionAsync(Staffer who, Guid caseId) =>
        (await who.Client.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{caseId}")).GetProperty("version").GetInt64();

    /// <summary>A partner offering health and legal services, added by <paramref name="supervisor"/>.</summary>
    public static async Task<int> PartnerAsync(Staffer supervisor)
    {
        var response = await supervisor.Client.PostAsJsonAsync("/api/v1/protection/partners",
            new { name = FoodSeed.NewCode("Partner "), services = new[] { "health", "legal" }, deskEmail = "referrals@partner.example" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public static async Task<string?> ProblemTypeAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("type", out var type) ? type.GetString() : null;
}
