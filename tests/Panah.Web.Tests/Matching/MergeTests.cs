using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Panah.Core.Registry;
using Panah.Data.Food;
using Panah.Data.Staff;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Matching;

/// <summary>Person merges that keep households consistent, household duplicates and their merge, and both undos, through HTTP on both databases.</summary>
public abstract class MergeTests(PanahApp app)
{
    private static int serial;

    /// <summary>A person with one script and no extra spellings, so only the intended pairs look alike.</summary>
    private static JsonObject Member(string given, string family, string relationship, string? document, string birthDate, string sex = "male", string script = "ug-Latn")
    {
        var p = RegistryRequests.Person(given, family, relationship, document: document, phone: null, script: script, sex: sex, birthDate: birthDate);
        p["spellings"] = new JsonArray();
        return p;
    }

    // Foreigner ids start with 99; each test's people have their own.
    private static string Document() => TurkishIdNumber.Complete("99" + (5_300_000 + Interlocked.Increment(ref serial) * 37).ToString("D7", System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<(Guid Id, List<Guid> Members)> RegisterAsync(HttpClient client, string district, params JsonObject[] members)
    {
        var response = await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household(district, members));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var h = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (h.GetProperty("id").GetGuid(), h.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToList());
    }

    private static async Task RunPeopleAsync(HttpClient client)
    {
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync("/api/v1/duplicates/runs", null)).StatusCode);
        for (var i = 0; i < 600; i++)
        {
            var status = await client.GetFromJsonAsync<JsonElement>("/api/v1/duplicates/runs/current");
            if (!status.GetProperty("running").GetBoolean())
            {
                Assert.Equal(JsonValueKind.Null, status.GetProperty("error").ValueKind);
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The duplicate run did not finish.");
    }

    private static async Task<JsonElement> PairAsync(HttpClient client, Guid x, Guid y)
    {
        for (var page = 1; page <= 50; page++)
        {
            var queue = await client.GetFromJsonAsync<JsonElement>($"/api/v1/duplicates/?status=pending&pageSize=200&page={page}");
            var items = queue.GetProperty("items").EnumerateArray().ToList();
            var found = items.Where(r => new[] { r.GetProperty("personAId").GetGuid(), r.GetProperty("personBId").GetGuid() }.Order().SequenceEqual(new[] { x, y }.Order())).ToList();
            if (found.Count == 1)
            {
                return found[0];
            }
            if (items.Count < 200)
            {
                break;
            }
        }
        throw new InvalidOperationException("The pair was not queued.");
    }

    private static async Task<JsonElement> HouseholdAsync(HttpClient client, Guid id) => await client.GetFromJsonAsync<JsonElement>($"/api/v1/households/{id}");

    private static string? HeadGiven(JsonElement household) =>
        household.GetProperty("head").ValueKind == JsonValueKind.Null ? null : household.GetProperty("head").GetProperty("given").GetString();

    [Fact]
    public async Task A_person_merge_fixes_both_households_and_its_undo_restores_them_exactly()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var district = "Pm-" + Guid.NewGuid().ToString("N")[..6];
        var doc = Document();
        var first = await RegisterAsync(officer, district,
            Member("Ablimit", "Ismayil", "head", doc, "1975-06-07"), Member("Mehriban", "Ablimit", "child", null, "2012-01-09", "female"));
        var second = await RegisterAsync(officer, district,
            Member("ئابلىمىت", "ئىسمايىل", "head", doc, "1975-06-07", script: "ug-Arab"), Member("Zöhre", "Qadir", "spouse", null, "1979-11-23", "female"));
        var (survivor, merged) = (first.Members[0], second.Members[0]);
        var before = await HouseholdAsync(officer, second.Id);
        Assert.Equal(2, before.GetProperty("memberCount").GetInt32());
        Assert.NotNull(HeadGiven(before));

        await RunPeopleAsync(officer);
        var pair = await PairAsync(officer, survivor, merged);
        var decision = await officer.PostAsJsonAsync($"/api/v1/duplicates/{pair.GetProperty("id").GetGuid()}/decision", new { samePerson = true, version = pair.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, decision.StatusCode);

        // An edit of the household made on what it was before the merge cannot overwrite what the merge did.
        var stale = await officer.PutAsJsonAsync($"/api/v1/households/{second.Id}", new
        {
            district, neighbourhood = "Yeşiltepe", address = "Çınar Sk. No:5", phone = "+90 532 000 11 22", status = "active", version = before.GetProperty("version").GetInt64(),
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        // The later registration left its household: one member fewer, and no head until someone chooses one.
        var after = await HouseholdAsync(officer, second.Id);
        Assert.Equal(1, after.GetProperty("memberCount").GetInt32());
        Assert.Null(HeadGiven(after));
        Assert.Equal(2, (await HouseholdAsync(officer, first.Id)).GetProperty("memberCount").GetInt32());
        Assert.Equal(survivor, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/people/{merged}")).GetProperty("mergedIntoId").GetGuid());

        var merges = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/duplicates/merges?person={merged}");
        var merge = Assert.Single(merges.EnumerateArray());
        Assert.Equal(survivor, merge.GetProperty("survivorId").GetGuid());
        Assert.True(merge.GetProperty("canUndo").GetBoolean());
        var mergeId = merge.GetProperty("id").GetGuid();
        var undo = await officer.PostAsJsonAsync($"/api/v1/duplicates/merges/{mergeId}/undo", new { version = merge.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, undo.StatusCode);

        // Both households exactly as before: members, count, head; the pair waits for a reviewer again.
        var restored = await HouseholdAsync(officer, second.Id);
        Assert.Equal(2, restored.GetProperty("memberCount").GetInt32());
        Assert.Equal(HeadGiven(before), HeadGiven(restored));
        Assert.Equal(before.GetProperty("status").GetString(), restored.GetProperty("status").GetString());
        Assert.Equal(2, (await HouseholdAsync(officer, first.Id)).GetProperty("memberCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/people/{merged}")).GetProperty("mergedIntoId").ValueKind);
        Assert.Equal(pair.GetProperty("id").GetGuid(), (await PairAsync(officer, survivor, merged)).GetProperty("id").GetGuid());
        var again = await officer.PostAsJsonAsync($"/api/v1/duplicates/merges/{mergeId}/undo", new { version = merge.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        // Merged again, the household asks for a head; the family's choice, made by editing a member, becomes its head.
        var repending = await PairAsync(officer, survivor, merged);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/duplicates/{repending.GetProperty("id").GetGuid()}/decision",
            new { samePerson = true, version = repending.GetProperty("version").GetInt64() })).StatusCode);
        Assert.Null(await ListedHeadAsync(officer, district, second.Id));
        var spouse = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/people/{second.Members[1]}");
        var edit = await officer.PutAsJsonAsync($"/api/v1/people/{second.Members[1]}", new JsonObject
        {
            ["person"] = Member("Zöhre", "Qadir", "head", null, "1979-11-23", "female"),
            ["version"] = spouse.GetProperty("version").GetInt64(),
        });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal("Zöhre", await ListedHeadAsync(officer, district, second.Id));
        // A head chosen since the merge cannot be undone blindly: the undo refuses rather than give the household two heads.
        var remerge = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/duplicates/merges?person={merged}")).EnumerateArray().First(m => m.GetProperty("undoneAt").ValueKind == JsonValueKind.Null);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync($"/api/v1/duplicates/merges/{remerge.GetProperty("id").GetGuid()}/undo",
            new { version = remerge.GetProperty("version").GetInt64() })).StatusCode);
    }

    /// <summary>The head as the household list names it: the list reads the household's head, not its members' relationships.</summary>
    private static async Task<string?> ListedHeadAsync(HttpClient client, string district, Guid household)
    {
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/households?district={district}&pageSize=50");
        var h = list.GetProperty("items").EnumerateArray().Single(x => x.GetProperty("id").GetGuid() == household);
        return HeadGiven(h);
    }

    [Fact]
    public async Task Households_sharing_two_people_are_proposed_merged_and_restored_and_one_shared_person_is_not_enough()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var district = "Hd-" + Guid.NewGuid().ToString("N")[..6];
        var (tursun, gul, rozi) = (Document(), Document(), Document());
        var home = await RegisterAsync(officer, district,
            Member("Tursunjan", "Yakup", "head", tursun, "1970-02-14"), Member("Gulbahar", "Hoshur", "spouse", gul, "1974-08-30", "female"),
            Member("Alim", "Tursunjan", "child", null, "2008-05-05"));
        var again = await RegisterAsync(officer, district,
            Member("تۇرسۇنجان", "ياقۇپ", "head", tursun, "1970-02-14", script: "ug-Arab"), Member("گۈلباھار", "خوشۇر", "spouse", gul, "1974-08-30", "female", "ug-Arab"),
            Member("Nurbiye", "Tursunjan", "child", null, "2019-10-10", "female"));
        var single = await RegisterAsync(officer, district, Member("Rozimemet", "Sawut", "head", rozi, "1966-03-03"), Member("Ayshem", "Rozimemet", "child", null, "2001-12-12", "female"));
        var singleAgain = await RegisterAsync(officer, district, Member("روزىمەمەت", "ساۋۇت", "head", rozi, "1966-03-03", script: "ug-Arab"));

        // The household run follows the person run, whose pairs are its evidence: no second request.
        await RunPeopleAsync(officer);
        var pending = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/duplicates/households?status=pending&pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        var proposal = Assert.Single(pending, d => d.GetProperty("householdId").GetGuid() == home.Id);
        Assert.Equal(again.Id, proposal.GetProperty("otherHouseholdId").GetGuid());
        Assert.Equal(2, proposal.GetProperty("shared").GetInt32());
        Assert.DoesNotContain(pending, d => new[] { single.Id, singleAgain.Id }.Contains(d.GetProperty("householdId").GetGuid()) || new[] { single.Id, singleAgain.Id }.Contains(d.GetProperty("otherHouseholdId").GetGuid()));

        var id = proposal.GetProperty("id").GetGuid();
        var detail = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/duplicates/households/{id}");
        Assert.Equal(3, detail.GetProperty("household").GetProperty("members").GetArrayLength());
        Assert.Equal(3, detail.GetProperty("other").GetProperty("members").GetArrayLength());
        var before = await HouseholdAsync(officer, again.Id);

        var merge = await officer.PostAsJsonAsync($"/api/v1/duplicates/households/{id}/decision", new { sameHousehold = true, version = proposal.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        var merged = await merge.Content.ReadFromJsonAsync<JsonElement>();

        // The shared two are merged into the first household's, the new child moved in: four members there, none left here.
        var home2 = await HouseholdAsync(officer, home.Id);
        Assert.Equal(4, home2.GetProperty("memberCount").GetInt32());
        Assert.Equal("Tursunjan", HeadGiven(home2));
        var other2 = await HouseholdAsync(officer, again.Id);
        Assert.Equal(0, other2.GetProperty("memberCount").GetInt32());
        Assert.Equal("inactive", other2.GetProperty("status").GetString());
        Assert.Equal(home.Id, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/people/{again.Members[2]}")).GetProperty("householdId").GetGuid());
        Assert.Equal(home.Members[0], (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/people/{again.Members[0]}")).GetProperty("mergedIntoId").GetGuid());
        Assert.Equal(home.Members[1], (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/people/{again.Members[1]}")).GetProperty("mergedIntoId").GetGuid());

        var undo = await officer.PostAsJsonAsync($"/api/v1/duplicates/households/{id}/undo", new { version = merged.GetProperty("version").GetInt64() });
        // What a refusal said (a stale version, an expired merge, or the households changed since), should it ever come.
        Assert.True(undo.StatusCode == HttpStatusCode.OK, $"{(int)undo.StatusCode} {await undo.Content.ReadAsStringAsync()} merged: {merged}");
        var home3 = await HouseholdAsync(officer, home.Id);
        Assert.Equal(3, home3.GetProperty("memberCount").GetInt32());
        var other3 = await HouseholdAsync(officer, again.Id);
        Assert.Equal(3, other3.GetProperty("memberCount").GetInt32());
        Assert.Equal(before.GetProperty("status").GetString(), other3.GetProperty("status").GetString());
        Assert.Equal(HeadGiven(before), HeadGiven(other3));
        Assert.Equal(again.Id, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/people/{again.Members[2]}")).GetProperty("householdId").GetGuid());
        Assert.Equal(JsonValueKind.Null, (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/people/{again.Members[0]}")).GetProperty("mergedIntoId").ValueKind);

        // A pair of households is proposed once, whatever was decided.
        var rerun = await (await officer.PostAsync("/api/v1/duplicates/households/runs", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(rerun.GetProperty("alreadyKnown").GetInt32() >= 1);
        var pendingAgain = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/duplicates/households?status=pending&pageSize=200")).GetProperty("items").EnumerateArray();
        Assert.Single(pendingAgain, d => d.GetProperty("householdId").GetGuid() == home.Id);
    }

    [Fact]
    public async Task A_household_merge_takes_the_folded_households_food_along_and_its_undo_gives_it_back()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var district = "Hf-" + Guid.NewGuid().ToString("N")[..6];
        var (a, b) = (Document(), Document());
        var home = await RegisterAsync(officer, district, Member("Ekber", "Niyaz", "head", a, "1963-01-21"), Member("Zohre", "Tohti", "spouse", b, "1967-09-02", "female"));
        var again = await RegisterAsync(officer, district,
            Member("ئەكبەر", "نىياز", "head", a, "1963-01-21", script: "ug-Arab"), Member("زۆھرە", "توختى", "spouse", b, "1967-09-02", "female", "ug-Arab"));
        var commodity = await FoodSeed.CommodityAsync(app, FoodSeed.NewCode("flour-"));
        var point = await FoodSeed.LocationAsync(app, "IST");
        int office;
        await using (var scope = FoodSeed.Everything(app, out var db))
        {
            office = (await db.Households.SingleAsync(h => h.Id == home.Id)).FieldOfficeId;
        }
        SeededHousehold Seeded((Guid Id, List<Guid> Members) h) => new(h.Id, "", office, "IST", h.Members[0], h.Members.Skip(1).ToList());
        // Both households got this cycle's ration; only the second one the other cycle's.
        var both = await FoodSeed.CycleAsync(app, [commodity.Id], [point.Id]);
        var onlyAgain = await FoodSeed.CycleAsync(app, [commodity.Id], [point.Id]);
        var homeRation = await FoodSeed.EntitlementAsync(app, both, Seeded(home), [commodity.Id], 2);
        var twice = await FoodSeed.EntitlementAsync(app, both, Seeded(again), [commodity.Id], 2);
        var due = await FoodSeed.EntitlementAsync(app, onlyAgain, Seeded(again), [commodity.Id], 2);
        var homeCard = await CardAsync(home.Id, office);
        var secondCard = await CardAsync(again.Id, office);

        await RunPeopleAsync(officer);
        var proposal = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/duplicates/households?status=pending&pageSize=200")).GetProperty("items").EnumerateArray()
            .Single(d => d.GetProperty("householdId").GetGuid() == home.Id);
        var merge = await officer.PostAsJsonAsync($"/api/v1/duplicates/households/{proposal.GetProperty("id").GetGuid()}/decision", new { sameHousehold = true, version = proposal.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);

        // One family, one ration a cycle and one card: the second ration of a cycle is cancelled, the one only the folded
        // household had follows the family, the folded household's card is revoked; nothing of the surviving household changes.
        var food = await FoodAsync(homeRation, twice, due, homeCard, secondCard);
        Assert.Equal((EntitlementStatus.Approved, home.Id), (food.Entitlements[homeRation].Status, food.Entitlements[homeRation].HouseholdId));
        Assert.Equal((EntitlementStatus.Cancelled, "household merge", again.Id), (food.Entitlements[twice].Status, food.Entitlements[twice].StatusReason, food.Entitlements[twice].HouseholdId));
        Assert.Equal((EntitlementStatus.Approved, home.Id), (food.Entitlements[due].Status, food.Entitlements[due].HouseholdId));
        Assert.Equal(CardStatus.Active, food.Cards[homeCard].Status);
        Assert.Equal((CardStatus.Revoked, "household merge"), (food.Cards[secondCard].Status, food.Cards[secondCard].RevokedReason));

        var merged = await merge.Content.ReadFromJsonAsync<JsonElement>();
        var undo = await officer.PostAsJsonAsync($"/api/v1/duplicates/households/{merged.GetProperty("id").GetGuid()}/undo", new { version = merged.GetProperty("version").GetInt64() });
        Assert.Equal(HttpStatusCode.OK, undo.StatusCode);
        var back = await FoodAsync(homeRation, twice, due, homeCard, secondCard);
        Assert.Equal((EntitlementStatus.Approved, null, again.Id), (back.Entitlements[twice].Status, back.Entitlements[twice].StatusReason, back.Entitlements[twice].HouseholdId));
        Assert.Equal((EntitlementStatus.Approved, again.Id), (back.Entitlements[due].Status, back.Entitlements[due].HouseholdId));
        Assert.Equal((CardStatus.Active, null), (back.Cards[secondCard].Status, back.Cards[secondCard].RevokedReason));
    }

    private async Task<Guid> CardAsync(Guid household, int office)
    {
        await using var scope = FoodSeed.Everything(app, out var db);
        var card = new FoodCard { Id = Guid.NewGuid(), Number = FoodSeed.NewCode("M"), HouseholdId = household, FieldOfficeId = office, IssuedAt = DateTimeOffset.UtcNow };
        db.FoodCards.Add(card);
        await db.SaveChangesAsync();
        return card.Id;
    }

    private async Task<(Dictionary<Guid, Entitlement> Entitlements, Dictionary<Guid, FoodCard> Cards)> FoodAsync(Guid e1, Guid e2, Guid e3, Guid c1, Guid c2)
    {
        await using var scope = FoodSeed.Everything(app, out var db);
        var entitlements = await db.Entitlements.AsNoTracking().Where(e => e.Id == e1 || e.Id == e2 || e.Id == e3).ToDictionaryAsync(e => e.Id);
        var cards = await db.FoodCards.AsNoTracking().Where(c => c.Id == c1 || c.Id == c2).ToDictionaryAsync(c => c.Id);
        return (entitlements, cards);
    }

    [Fact]
    public async Task A_household_duplicate_with_a_household_of_another_office_is_not_there_for_an_officer_of_one()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var district = "Hs-" + Guid.NewGuid().ToString("N")[..6];
        var (a, b) = (Document(), Document());
        var ist = await RegisterAsync(officer, district, Member("Memtimin", "Hoshur", "head", a, "1969-04-04"), Member("Buhelchem", "Memet", "spouse", b, "1972-07-07", "female"));
        var kay = RegistryRequests.Household(district, Member("مەمتىمىن", "خوشۇر", "head", a, "1969-04-04", script: "ug-Arab"), Member("بۇھەلچەم", "مەمەت", "spouse", b, "1972-07-07", "female", "ug-Arab"));
        kay["fieldOffice"] = "KAY";
        var created = await officer.PostAsJsonAsync("/api/v1/households", kay);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await RunPeopleAsync(officer);
        var proposal = (await officer.GetFromJsonAsync<JsonElement>("/api/v1/duplicates/households?status=pending&pageSize=200")).GetProperty("items").EnumerateArray()
            .Single(d => d.GetProperty("householdId").GetGuid() == ist.Id);
        var id = proposal.GetProperty("id").GetGuid();

        var istOnly = await app.ClientForRoleAsync(Roles.RegistrationOfficer, offices: ["IST"]);
        Assert.Equal(HttpStatusCode.NotFound, (await istOnly.GetAsync($"/api/v1/duplicates/households/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await istOnly.PostAsJsonAsync($"/api/v1/duplicates/households/{id}/decision", new { sameHousehold = true, version = 1 })).StatusCode);
        var listed = (await istOnly.GetFromJsonAsync<JsonElement>("/api/v1/duplicates/households?status=pending&pageSize=200")).GetProperty("items").EnumerateArray();
        Assert.DoesNotContain(listed, d => d.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/duplicates/households/{id}")).StatusCode);
    }
}

public sealed class SqliteMergeTests(SqliteApp app) : MergeTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresMergeTests(PostgresApp app) : MergeTests(app), IClassFixture<PostgresApp>;
