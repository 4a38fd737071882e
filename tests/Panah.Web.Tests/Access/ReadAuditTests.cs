using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Access;

/// <summary>A page that shows people writes one audit entry for the request, naming every person it showed (ids, as AuditSubjects).</summary>
public abstract class ReadAuditTests(PanahApp app)
{
    [Fact]
    public async Task A_household_page_writes_one_read_entry_naming_its_members()
    {
        var registrar = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var household = await OfficeHouseholds.RegisterAsync(registrar, "IST", RegistryRequests.Person("Memtimin", "Rozi"), "Fatih");
        var spouse = await AddMemberAsync(registrar, household.Id);
        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer, offices: ["IST"]);
        var officer = await StaffSession.SignInAsync(app, staff);
        var mark = await LastEntryAsync();

        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/Registry/Households/Details/{household.Id}")).StatusCode);

        var (action, entityId, people) = Assert.Single(await EntriesAfterAsync(mark, staff));
        Assert.Equal("household.view", action);
        Assert.Equal(household.Id.ToString(), entityId);
        Assert.Equal(new[] { household.HeadId, spouse }.Order(), people);
    }

    [Fact]
    public async Task A_people_list_page_writes_one_read_entry_naming_everyone_listed()
    {
        var registrar = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var first = await OfficeHouseholds.RegisterAsync(registrar, "SEF", RegistryRequests.Person("Nurmemet", "Sadiq"), "Haliliye");
        var spouse = await AddMemberAsync(registrar, first.Id);
        var second = await OfficeHouseholds.RegisterAsync(registrar, "SEF", RegistryRequests.Person("Tursunay", "Abla", sex: "female"), "Eyyübiye");
        var staff = await app.CreateStaffAsync(Roles.RegistrationOfficer, offices: ["SEF"]);
        var officer = await StaffSession.SignInAsync(app, staff);
        var mark = await LastEntryAsync();

        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/Registry/People")).StatusCode);

        var (action, _, people) = Assert.Single(await EntriesAfterAsync(mark, staff));
        Assert.Equal("people.list", action);
        Assert.Equal(new[] { first.HeadId, spouse, second.HeadId }.Order(), people);
    }

    private static async Task<Guid> AddMemberAsync(HttpClient registrar, Guid householdId)
    {
        var response = await registrar.PostAsJsonAsync($"/api/v1/households/{householdId}/members",
            RegistryRequests.Person("Aygul", "Rozi", relationship: "spouse", sex: "female", birthDate: "1988-07-01"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<long> LastEntryAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PanahDbContext>().AuditEntries.MaxAsync(e => (long?)e.Id) ?? 0;
    }

    /// <summary>The entries the staff member's requests wrote after <paramref name="mark"/>, with the people each names in id order.</summary>
    private async Task<List<(string Action, string? EntityId, List<Guid> People)>> EntriesAfterAsync(long mark, TestStaff staff)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<PanahDbContext>().AuditEntries.AsNoTracking().Include(e => e.Subjects)
            .Where(e => e.Id > mark && e.Actor == $"user:{staff.User.Id}").ToListAsync();
        return entries.Select(e => (e.Action, e.EntityId, e.Subjects.Select(s => s.PersonId).Order().ToList())).ToList();
    }
}

public sealed class SqliteReadAuditTests(SqliteApp app) : ReadAuditTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresReadAuditTests(PostgresApp app) : ReadAuditTests(app), IClassFixture<PostgresApp>;
