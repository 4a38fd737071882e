using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Access;
using Panah.Data.Protection;
using Panah.Data.Staff;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Protection;

/// <summary>A case worker's token client and account id.</summary>
public sealed record Worker(HttpClient Client, string Id);

/// <summary>A protection team of KAY: two case workers and their supervisor, and a worker of another team.</summary>
public sealed record SeededTeams(Worker Owner, Worker SameTeam, Worker Supervisor, Worker OtherTeam);

public static class ProtectionSeed
{
    public static async Task<Worker> WorkerAsync(PanahApp app, string role = Roles.CaseWorker, string office = "KAY")
    {
        var staff = await app.CreateStaffAsync(role, offices: [office], programmes: [Programme.Protection]);
        await using var scope = app.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueOwnAsync(staff.User, "test", 1);
        return new Worker(app.ClientWithToken(secret), staff.User.Id);
    }

    public static async Task<SeededTeams> TeamsAsync(PanahApp app)
    {
        var (owner, same, supervisor, other, otherSupervisor) = (await WorkerAsync(app), await WorkerAsync(app), await WorkerAsync(app), await WorkerAsync(app), await WorkerAsync(app));
        await using var scope = FoodSeed.Everything(app, out var db);
        var office = db.FieldOffices.Single(o => o.Code == "KAY").Id;
        var team = new ProtectionTeam { Name = FoodSeed.NewCode("team-"), FieldOfficeId = office, SupervisorId = supervisor.Id };
        var otherTeam = new ProtectionTeam { Name = FoodSeed.NewCode("team-"), FieldOfficeId = office, SupervisorId = otherSupervisor.Id };
        db.ProtectionTeams.AddRange(team, otherTeam);
        await db.SaveChangesAsync();
        db.ProtectionTeamMembers.AddRange(
            new ProtectionTeamMember { TeamId = team.Id, StaffUserId = owner.Id },
            new ProtectionTeamMember { TeamId = team.Id, StaffUserId = same.Id },
            new ProtectionTeamMember { TeamId = otherTeam.Id, StaffUserId = other.Id });
        await db.SaveChangesAsync();
        return new SeededTeams(owner, same, supervisor, other);
    }

    /// <summary>A registered person of KAY (a household head), for a case opened from the registry.</summary>
    public static async Task<Guid> PersonAsync(PanahApp app, int seed) => (await FoodSeed.HouseholdsAsync(app, seed, ["KAY"]))[0].Head;

    /// <summary>Opens a case through the API as <paramref name="owner"/>; returns its id.</summary>
    public static async Task<Guid> OpenAsync(Worker owner, object body)
    {
        var response = await owner.Client.PostAsJsonAsync("/api/v1/protection/cases", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> CaseAsync(Worker who, Guid id)
    {
        var response = await who.Client.GetAsync($"/api/v1/protection/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
