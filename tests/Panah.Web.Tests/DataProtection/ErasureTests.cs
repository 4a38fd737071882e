using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Registry;
using Panah.Data;
using Panah.Data.Entities;
using Panah.Data.Erasure;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using static Panah.Web.Tests.DataProtection.ErasureRequests;

namespace Panah.Web.Tests.DataProtection;

/// <summary>Erasure by crypto-shredding through the API, on both databases: what is destroyed, and that every read copes with the tombstone.</summary>
public abstract class ErasureTests(PanahApp app)
{
    private const string Reason = "Reasoncanary subject asked for erasure";

    [Fact]
    public async Task An_erased_person_is_gone_for_everyone_and_every_read_copes_with_the_tombstone()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var dpo = await app.ClientForRoleAsync(Roles.DataProtectionOfficer);
        var district = "Erase-" + Guid.NewGuid().ToString("N")[..6];
        var document = TurkishIdNumber.Complete("995123456");
        var head = Person("Erasedgiven", "Tursun", document);
        var household = await RegisterAsync(officer, district, head, Person("Gulnar", "Tursun", TurkishIdNumber.Complete("995123457"), "spouse", "female"));
        var householdId = household.GetProperty("id").GetGuid();
        var headId = household.GetProperty("members")[0].GetProperty("id").GetGuid();
        var spouseId = household.GetProperty("members")[1].GetProperty("id").GetGuid();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // A pending duplicate review naming the person (as a batch run would have queued it).
            scope.ServiceProvider.GetRequiredService<Panah.Data.Access.AccessScope>().Everything("test inspection");
            var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
            db.DuplicateReviews.Add(new DuplicateReview
            {
                Id = Guid.CreateVersion7(), PersonAId = headId < spouseId ? headId : spouseId, PersonBId = headId < spouseId ? spouseId : headId,
                Score = 1, Probability = 0.5, Reason = "Match", Status = ReviewStatus.Pending, CreatedAt = DateTimeOffset.UtcNow, Version = 1,
            });
            await db.SaveChangesAsync();
        }
        Assert.Contains(headId, await SearchAsync(officer, new { name = "Erasedgiven" }));
        Assert.Contains(headId, await MatchAsync(officer, head));

        var erased = await EraseAsync(dpo, headId, Reason);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);

        foreach (var client in new[] { officer, dpo })
        {
            Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync($"/api/v1/people/{headId}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Gone, (await EraseAsync(dpo, headId, Reason)).StatusCode);
        Assert.Empty(await SearchAsync(officer, new { name = "Erasedgiven" }));
        Assert.Empty(await SearchAsync(officer, new { document }));
        Assert.DoesNotContain(headId, await MatchAsync(officer, head));
        var update = await officer.PutAsJsonAsync($"/api/v1/people/{headId}", new { person = head, version = 1 });
        Assert.Equal(HttpStatusCode.Gone, update.StatusCode);

        // The household page and the lists show the tombstone (sex, district kept), without a name.
        var page = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/households/{householdId}");
        var tombstone = page.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == headId);
        Assert.True(tombstone.GetProperty("erased").GetBoolean());
        Assert.Equal("", tombstone.GetProperty("name").GetProperty("given").GetString());
        Assert.Equal("male", tombstone.GetProperty("sex").GetString());
        Assert.Equal(JsonValueKind.Array, tombstone.GetProperty("documents").ValueKind);
        Assert.Empty(tombstone.GetProperty("documents").EnumerateArray());
        Assert.NotNull(page.GetProperty("address").GetString());
        var listed = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/people?district={district}");
        Assert.Equal(2, listed.GetProperty("items").GetArrayLength());
        var households = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/households?district={district}");
        Assert.Equal(JsonValueKind.Null, households.GetProperty("items")[0].GetProperty("head").ValueKind);
        var session = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.RegistrationOfficer));
        var html = await (await session.GetAsync($"/Registry/Households/Details/{householdId}")).Content.ReadAsStringAsync();
        Assert.Contains("erased", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync($"/Registry/People?district={district}")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await session.GetAsync($"/Registry/People/Edit/{headId}")).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Panah.Data.Access.AccessScope>().Everything("test inspection");
            var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
            var row = await db.People.AsNoTracking().Include(p => p.Key).SingleAsync(p => p.Id == headId);
            Assert.Null(row.Key!.Wrapped);
            Assert.NotNull(row.Key.DestroyedAt);
            Assert.Empty(row.Sealed);
            Assert.Equal(1984, row.BirthYear);
            Assert.False(await db.SearchTokens.AnyAsync(t => t.PersonId == headId));
            Assert.False(await db.DuplicateReviews.AnyAsync(r => r.PersonAId == headId || r.PersonBId == headId));
            Assert.Equal(Reason, (await db.Erasures.SingleAsync(e => e.PersonId == headId)).Reason);
            var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "person.erase" && a.EntityId == headId.ToString());
            Assert.DoesNotContain("Reasoncanary", entry.Detail ?? "", StringComparison.Ordinal);
            Assert.NotNull((await db.Households.AsNoTracking().Include(h => h.Key).SingleAsync(h => h.Id == householdId)).Key!.Wrapped);
        }

        // The last member erased: the household's own key (address, phone) goes too.
        Assert.Equal(HttpStatusCode.OK, (await EraseAsync(dpo, spouseId, Reason)).StatusCode);
        var emptied = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/households/{householdId}");
        Assert.Equal(JsonValueKind.Null, emptied.GetProperty("address").ValueKind);
        Assert.Equal(JsonValueKind.Null, emptied.GetProperty("phone").ValueKind);
        Assert.Equal(district, emptied.GetProperty("district").GetString());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Panah.Data.Access.AccessScope>().Everything("test inspection");
            var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
            var h = await db.Households.AsNoTracking().Include(x => x.Key).SingleAsync(x => x.Id == householdId);
            Assert.Null(h.Key!.Wrapped);
            Assert.Empty(h.Sealed);
        }
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("Reasoncanary", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_database_that_lost_an_erasure_has_it_reapplied_from_the_ledger_and_a_cut_ledger_is_reported()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var dpo = await app.ClientForRoleAsync(Roles.DataProtectionOfficer);
        var id = (await RegisterAsync(officer, "Fatih", Person("Ledgererased", "Rozi", TurkishIdNumber.Complete("995567123")))).GetProperty("members")[0].GetProperty("id").GetGuid();
        byte[] wrapped, sealedBytes;
        List<SearchToken> tokens;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Panah.Data.Access.AccessScope>().Everything("test inspection");
            var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
            var row = await db.People.AsNoTracking().Include(p => p.Key).SingleAsync(p => p.Id == id);
            (wrapped, sealedBytes) = (row.Key!.Wrapped!, row.Sealed);
            tokens = await db.SearchTokens.AsNoTracking().Where(t => t.PersonId == id).ToListAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await EraseAsync(dpo, id, Reason)).StatusCode);

        // What restoring a backup taken before the erasure does to the database.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Panah.Data.Access.AccessScope>().Everything("test inspection");
            var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
            var row = await db.People.Include(p => p.Key).SingleAsync(p => p.Id == id);
            row.Key!.Wrapped = wrapped;
            row.Key.DestroyedAt = null;
            row.Sealed = sealedBytes;
            db.SearchTokens.AddRange(tokens);
            db.Erasures.RemoveRange(db.Erasures.Where(e => e.PersonId == id));
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/people/{id}")).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<ErasureReplay>().RunAsync();
            Assert.Equal(1, report.Reapplied);
            Assert.Empty(report.Problems);
        }
        Assert.Equal(HttpStatusCode.Gone, (await officer.GetAsync($"/api/v1/people/{id}")).StatusCode);
        Assert.Empty(await SearchAsync(officer, new { name = "Ledgererased" }));

        // The ledger's tail cut off: the erasures the database still shows are reported, alerted and written back.
        var ledger = app.Services.GetRequiredService<ErasureLedger>();
        File.WriteAllText(ledger.FilePath, "");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<ErasureReplay>().RunAsync();
            Assert.True(report.MissingFromLedger >= 1);
            Assert.Contains(report.Problems, p => p.Contains("missing from the ledger", StringComparison.Ordinal));
            scope.ServiceProvider.GetRequiredService<Panah.Data.Access.AccessScope>().Everything("test inspection");
            var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
            Assert.True(await db.Alerts.AnyAsync(a => a.Kind == ErasureReplay.AlertKind));
        }
        Assert.Contains(ledger.Read().Entries, e => e.PersonId == id);
        Assert.StartsWith(Path.GetDirectoryName(app.KeyFile)!, ledger.Directory, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_data_protection_officer_erases_and_a_reason_is_required()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var dpo = await app.ClientForRoleAsync(Roles.DataProtectionOfficer);
        var id = (await RegisterAsync(officer, "Fatih", Person("Kept", "Rozi", TurkishIdNumber.Complete("995234567")))).GetProperty("members")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await EraseAsync(officer, id, Reason)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await EraseAsync(dpo, id, " ")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await EraseAsync(dpo, Guid.NewGuid(), Reason)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/people/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_data_protection_officer_erases_from_the_page_after_confirming()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var id = (await RegisterAsync(officer, "Fatih", Person("Pageerased", "Rozi", TurkishIdNumber.Complete("995345671")))).GetProperty("members")[0].GetProperty("id").GetGuid();
        var session = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.DataProtectionOfficer));
        var fields = new Dictionary<string, string> { ["Input.PersonId"] = id.ToString(), ["Input.Reason"] = Reason };
        var unconfirmed = await Html.PostFormAsync(session, "/DataProtection/Erasure", fields);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/people/{id}")).StatusCode);
        fields["Input.Confirm"] = "true";
        var confirmed = await Html.PostFormAsync(session, "/DataProtection/Erasure", fields);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await officer.GetAsync($"/api/v1/people/{id}")).StatusCode);
        var list = await (await session.GetAsync("/DataProtection/Erasure")).Content.ReadAsStringAsync();
        Assert.Contains(id.ToString(), list, StringComparison.Ordinal);
        Assert.DoesNotContain("Reasoncanary", list, StringComparison.Ordinal);
    }
}

public sealed class SqliteErasureTests(SqliteApp app) : ErasureTests(app), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_cli_erases_a_person()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var id = (await RegisterAsync(officer, "Fatih", Person("Clierased", "Rozi", TurkishIdNumber.Complete("995456712")))).GetProperty("members")[0].GetProperty("id").GetGuid();
        var (code, output) = await Cli.RunAsync(app.DataDirectory, "erase", "--person", id.ToString(), "--reason", "Subject request");
        Assert.True(code == 0, output);
        Assert.Equal(HttpStatusCode.Gone, (await officer.GetAsync($"/api/v1/people/{id}")).StatusCode);
        Assert.Empty(await SearchAsync(officer, new { name = "Clierased" }));
        var (again, _) = await Cli.RunAsync(app.DataDirectory, "erase", "--person", Guid.NewGuid().ToString(), "--reason", "Subject request");
        Assert.Equal(1, again);
    }
}

public sealed class PostgresErasureTests(PostgresApp app) : ErasureTests(app), IClassFixture<PostgresApp>;
