using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Panah.Core.Access;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Matching;
using Panah.Web.Tests.Registry;
using Xunit.Abstractions;

namespace Panah.Web.Tests.Access;

/// <summary>
/// Need-to-know, record by record and field by field: every registry read and write × every role × own office /
/// other office × in the role's programme / not. Each account works in IST only; one household is registered in IST
/// and one in KAY. The expected answers are written out below, not derived from the production rules.
/// </summary>
public abstract class ScopeMatrixTests(PanahApp app, ITestOutputHelper output)
{
    // Requests of the matrix; "seen" rows are lists and searches, where the answer is whether the record appears.
    private const string GetHousehold = "GET /api/v1/households/{id}";
    private const string GetPerson = "GET /api/v1/people/{id}";
    private const string HouseholdPage = "PAGE /Registry/Households/Details/{id}";
    private const string PutHousehold = "PUT /api/v1/households/{id}";
    private const string AddMember = "POST /api/v1/households/{id}/members";
    private const string ListHouseholds = "GET /api/v1/households (seen)";
    private const string ListPeople = "GET /api/v1/people (seen)";
    private const string Search = "POST /api/v1/people/search (seen)";
    private const string Collectors = "GET /api/v1/food/households/{id}/collectors";

    // The review queue's groups and the merges a decision made, of people of the record's office (see Reviewed).
    private const string GetGroup = "GET /api/v1/duplicates/groups/{id}";
    private const string DecideGroup = "POST /api/v1/duplicates/groups/{id}/decision";
    private const string CrossGroup = "GET /api/v1/duplicates/groups/{id} (a pair across the two offices)";
    private const string ListMerges = "GET /api/v1/duplicates/merges (seen)";
    private const string UndoMerge = "POST /api/v1/duplicates/merges/{id}/undo";

    /// <summary>role, in programme, request → (own office, other office). 1 = listed/found, 0 = not; other numbers are HTTP statuses.</summary>
    private static readonly (string Role, bool InProgramme, string Request, int Own, int Other)[] Expected =
    [
        (Roles.RegistrationOfficer, true, GetHousehold, 200, 404), (Roles.RegistrationOfficer, true, GetPerson, 200, 404), (Roles.RegistrationOfficer, true, HouseholdPage, 200, 404),
        (Roles.RegistrationOfficer, true, PutHousehold, 409, 404), (Roles.RegistrationOfficer, true, AddMember, 400, 404),
        (Roles.RegistrationOfficer, true, ListHouseholds, 1, 0), (Roles.RegistrationOfficer, true, ListPeople, 1, 0), (Roles.RegistrationOfficer, true, Search, 1, 0),
        (Roles.RegistrationOfficer, false, GetHousehold, 200, 404), (Roles.RegistrationOfficer, false, GetPerson, 200, 404), (Roles.RegistrationOfficer, false, HouseholdPage, 200, 404),
        (Roles.RegistrationOfficer, false, PutHousehold, 409, 404), (Roles.RegistrationOfficer, false, AddMember, 400, 404),
        (Roles.RegistrationOfficer, false, ListHouseholds, 1, 0), (Roles.RegistrationOfficer, false, ListPeople, 1, 0), (Roles.RegistrationOfficer, false, Search, 1, 0),

        (Roles.DistributionClerk, true, GetHousehold, 200, 404), (Roles.DistributionClerk, true, GetPerson, 200, 404), (Roles.DistributionClerk, true, HouseholdPage, 200, 404),
        (Roles.DistributionClerk, true, PutHousehold, 403, 403), (Roles.DistributionClerk, true, AddMember, 403, 403),
        (Roles.DistributionClerk, true, ListHouseholds, 1, 0), (Roles.DistributionClerk, true, ListPeople, 1, 0), (Roles.DistributionClerk, true, Search, 1, 0),
        (Roles.DistributionClerk, false, GetHousehold, 404, 404), (Roles.DistributionClerk, false, GetPerson, 404, 404), (Roles.DistributionClerk, false, HouseholdPage, 404, 404),
        (Roles.DistributionClerk, false, PutHousehold, 403, 403), (Roles.DistributionClerk, false, AddMember, 403, 403),
        (Roles.DistributionClerk, false, ListHouseholds, 0, 0), (Roles.DistributionClerk, false, ListPeople, 0, 0), (Roles.DistributionClerk, false, Search, 0, 0),

        (Roles.ProgrammeManager, true, GetHousehold, 200, 404), (Roles.ProgrammeManager, true, GetPerson, 200, 404), (Roles.ProgrammeManager, true, HouseholdPage, 200, 404),
        (Roles.ProgrammeManager, true, PutHousehold, 403, 403), (Roles.ProgrammeManager, true, AddMember, 403, 403),
        (Roles.ProgrammeManager, true, ListHouseholds, 1, 0), (Roles.ProgrammeManager, true, ListPeople, 1, 0), (Roles.ProgrammeManager, true, Search, 0, 0),
        (Roles.ProgrammeManager, false, GetHousehold, 200, 404), (Roles.ProgrammeManager, false, GetPerson, 200, 404), (Roles.ProgrammeManager, false, HouseholdPage, 200, 404),
        (Roles.ProgrammeManager, false, PutHousehold, 403, 403), (Roles.ProgrammeManager, false, AddMember, 403, 403),
        (Roles.ProgrammeManager, false, ListHouseholds, 1, 0), (Roles.ProgrammeManager, false, ListPeople, 1, 0), (Roles.ProgrammeManager, false, Search, 0, 0),

        (Roles.CaseWorker, true, GetHousehold, 200, 404), (Roles.CaseWorker, true, GetPerson, 200, 404), (Roles.CaseWorker, true, HouseholdPage, 200, 404),
        (Roles.CaseWorker, true, PutHousehold, 403, 403), (Roles.CaseWorker, true, AddMember, 403, 403),
        (Roles.CaseWorker, true, ListHouseholds, 1, 0), (Roles.CaseWorker, true, ListPeople, 1, 0), (Roles.CaseWorker, true, Search, 1, 0),
        (Roles.CaseWorker, false, GetHousehold, 404, 404), (Roles.CaseWorker, false, GetPerson, 404, 404), (Roles.CaseWorker, false, HouseholdPage, 404, 404),
        (Roles.CaseWorker, false, PutHousehold, 403, 403), (Roles.CaseWorker, false, AddMember, 403, 403),
        (Roles.CaseWorker, false, ListHouseholds, 0, 0), (Roles.CaseWorker, false, ListPeople, 0, 0), (Roles.CaseWorker, false, Search, 0, 0),

        (Roles.DataProtectionOfficer, true, GetHousehold, 200, 200), (Roles.DataProtectionOfficer, true, GetPerson, 200, 200), (Roles.DataProtectionOfficer, true, HouseholdPage, 200, 200),
        (Roles.DataProtectionOfficer, true, PutHousehold, 403, 403), (Roles.DataProtectionOfficer, true, AddMember, 403, 403),
        (Roles.DataProtectionOfficer, true, ListHouseholds, 1, 1), (Roles.DataProtectionOfficer, true, ListPeople, 1, 1), (Roles.DataProtectionOfficer, true, Search, 1, 1),
        (Roles.DataProtectionOfficer, false, GetHousehold, 200, 200), (Roles.DataProtectionOfficer, false, GetPerson, 200, 200), (Roles.DataProtectionOfficer, false, HouseholdPage, 200, 200),
        (Roles.DataProtectionOfficer, false, PutHousehold, 403, 403), (Roles.DataProtectionOfficer, false, AddMember, 403, 403),
        (Roles.DataProtectionOfficer, false, ListHouseholds, 1, 1), (Roles.DataProtectionOfficer, false, ListPeople, 1, 1), (Roles.DataProtectionOfficer, false, Search, 1, 1),

        (Roles.Teacher, true, GetHousehold, 403, 403), (Roles.Teacher, true, GetPerson, 403, 403), (Roles.Teacher, true, HouseholdPage, 403, 403),
        (Roles.Teacher, true, PutHousehold, 403, 403), (Roles.Teacher, true, AddMember, 403, 403),
        (Roles.Teacher, true, ListHouseholds, 403, 403), (Roles.Teacher, true, ListPeople, 403, 403), (Roles.Teacher, true, Search, 403, 403),
        (Roles.Teacher, false, GetHousehold, 403, 403), (Roles.Teacher, false, GetPerson, 403, 403), (Roles.Teacher, false, HouseholdPage, 403, 403),
        (Roles.Teacher, false, PutHousehold, 403, 403), (Roles.Teacher, false, AddMember, 403, 403),
        (Roles.Teacher, false, ListHouseholds, 403, 403), (Roles.Teacher, false, ListPeople, 403, 403), (Roles.Teacher, false, Search, 403, 403),

        (Roles.Administrator, true, GetHousehold, 403, 403), (Roles.Administrator, true, GetPerson, 403, 403), (Roles.Administrator, true, HouseholdPage, 403, 403),
        (Roles.Administrator, true, PutHousehold, 403, 403), (Roles.Administrator, true, AddMember, 403, 403),
        (Roles.Administrator, true, ListHouseholds, 403, 403), (Roles.Administrator, true, ListPeople, 403, 403), (Roles.Administrator, true, Search, 403, 403),
        (Roles.Administrator, false, GetHousehold, 403, 403), (Roles.Administrator, false, GetPerson, 403, 403), (Roles.Administrator, false, HouseholdPage, 403, 403),
        (Roles.Administrator, false, PutHousehold, 403, 403), (Roles.Administrator, false, AddMember, 403, 403),
        (Roles.Administrator, false, ListHouseholds, 403, 403), (Roles.Administrator, false, ListPeople, 403, 403), (Roles.Administrator, false, Search, 403, 403),
        // A household's alternate collectors: named by whoever registers the household, so only its office's officers.
        (Roles.RegistrationOfficer, true, Collectors, 200, 404), (Roles.RegistrationOfficer, false, Collectors, 200, 404),
        (Roles.DistributionClerk, true, Collectors, 403, 403), (Roles.DistributionClerk, false, Collectors, 403, 403),
        (Roles.ProgrammeManager, true, Collectors, 403, 403), (Roles.ProgrammeManager, false, Collectors, 403, 403),
        (Roles.CaseWorker, true, Collectors, 403, 403), (Roles.CaseWorker, false, Collectors, 403, 403),
        (Roles.DataProtectionOfficer, true, Collectors, 403, 403), (Roles.DataProtectionOfficer, false, Collectors, 403, 403),
        (Roles.Teacher, true, Collectors, 403, 403), (Roles.Teacher, false, Collectors, 403, 403),
        (Roles.Administrator, true, Collectors, 403, 403), (Roles.Administrator, false, Collectors, 403, 403),
        // Duplicate review: registration officers and case workers, for people of their office only; a pair with someone
        // of another office is not theirs to see or decide. A stale version decides nothing (409) once the pair is found.
        (Roles.RegistrationOfficer, true, GetGroup, 200, 404), (Roles.RegistrationOfficer, true, DecideGroup, 409, 404), (Roles.RegistrationOfficer, true, CrossGroup, 404, 404),
        (Roles.RegistrationOfficer, true, ListMerges, 1, 0), (Roles.RegistrationOfficer, true, UndoMerge, 409, 404),
        (Roles.RegistrationOfficer, false, GetGroup, 200, 404), (Roles.RegistrationOfficer, false, DecideGroup, 409, 404), (Roles.RegistrationOfficer, false, CrossGroup, 404, 404),
        (Roles.RegistrationOfficer, false, ListMerges, 1, 0), (Roles.RegistrationOfficer, false, UndoMerge, 409, 404),
        (Roles.CaseWorker, true, GetGroup, 200, 404), (Roles.CaseWorker, true, DecideGroup, 409, 404), (Roles.CaseWorker, true, CrossGroup, 404, 404),
        (Roles.CaseWorker, true, ListMerges, 1, 0), (Roles.CaseWorker, true, UndoMerge, 409, 404),
        (Roles.CaseWorker, false, GetGroup, 404, 404), (Roles.CaseWorker, false, DecideGroup, 404, 404), (Roles.CaseWorker, false, CrossGroup, 404, 404),
        (Roles.CaseWorker, false, ListMerges, 0, 0), (Roles.CaseWorker, false, UndoMerge, 404, 404),
        (Roles.DistributionClerk, true, GetGroup, 403, 403), (Roles.DistributionClerk, true, DecideGroup, 403, 403), (Roles.DistributionClerk, true, CrossGroup, 403, 403),
        (Roles.DistributionClerk, true, ListMerges, 403, 403), (Roles.DistributionClerk, true, UndoMerge, 403, 403),
        (Roles.DistributionClerk, false, GetGroup, 403, 403), (Roles.DistributionClerk, false, DecideGroup, 403, 403), (Roles.DistributionClerk, false, CrossGroup, 403, 403),
        (Roles.DistributionClerk, false, ListMerges, 403, 403), (Roles.DistributionClerk, false, UndoMerge, 403, 403),
        (Roles.ProgrammeManager, true, GetGroup, 403, 403), (Roles.ProgrammeManager, true, DecideGroup, 403, 403), (Roles.ProgrammeManager, true, CrossGroup, 403, 403),
        (Roles.ProgrammeManager, true, ListMerges, 403, 403), (Roles.ProgrammeManager, true, UndoMerge, 403, 403),
        (Roles.ProgrammeManager, false, GetGroup, 403, 403), (Roles.ProgrammeManager, false, DecideGroup, 403, 403), (Roles.ProgrammeManager, false, CrossGroup, 403, 403),
        (Roles.ProgrammeManager, false, ListMerges, 403, 403), (Roles.ProgrammeManager, false, UndoMerge, 403, 403),
        (Roles.DataProtectionOfficer, true, GetGroup, 403, 403), (Roles.DataProtectionOfficer, true, DecideGroup, 403, 403), (Roles.DataProtectionOfficer, true, CrossGroup, 403, 403),
        (Roles.DataProtectionOfficer, true, ListMerges, 403, 403), (Roles.DataProtectionOfficer, true, UndoMerge, 403, 403),
        (Roles.DataProtectionOfficer, false, GetGroup, 403, 403), (Roles.DataProtectionOfficer, false, DecideGroup, 403, 403), (Roles.DataProtectionOfficer, false, CrossGroup, 403, 403),
        (Roles.DataProtectionOfficer, false, ListMerges, 403, 403), (Roles.DataProtectionOfficer, false, UndoMerge, 403, 403),
        (Roles.Teacher, true, GetGroup, 403, 403), (Roles.Teacher, true, DecideGroup, 403, 403), (Roles.Teacher, true, CrossGroup, 403, 403),
        (Roles.Teacher, true, ListMerges, 403, 403), (Roles.Teacher, true, UndoMerge, 403, 403),
        (Roles.Teacher, false, GetGroup, 403, 403), (Roles.Teacher, false, DecideGroup, 403, 403), (Roles.Teacher, false, CrossGroup, 403, 403),
        (Roles.Teacher, false, ListMerges, 403, 403), (Roles.Teacher, false, UndoMerge, 403, 403),
        (Roles.Administrator, true, GetGroup, 403, 403), (Roles.Administrator, true, DecideGroup, 403, 403), (Roles.Administrator, true, CrossGroup, 403, 403),
        (Roles.Administrator, true, ListMerges, 403, 403), (Roles.Administrator, true, UndoMerge, 403, 403),
        (Roles.Administrator, false, GetGroup, 403, 403), (Roles.Administrator, false, DecideGroup, 403, 403), (Roles.Administrator, false, CrossGroup, 403, 403),
        (Roles.Administrator, false, ListMerges, 403, 403), (Roles.Administrator, false, UndoMerge, 403, 403),
    ];

    /// <summary>Fields of the own office's household (GET /api/v1/households/{id}) and of its head as a member: present / absent.</summary>
    private static readonly (string Role, string[] Present, string[] Absent, string[] MemberPresent, string[] MemberAbsent)[] Fields =
    [
        (Roles.RegistrationOfficer, ["code", "district", "address", "phone", "members", "head"], [], ["name", "documents", "phone", "birthDate", "vulnerabilities"], []),
        (Roles.DistributionClerk, ["code", "memberCount", "head"], ["district", "address", "phone", "neighbourhood", "members", "status"], [], []),
        (Roles.ProgrammeManager, ["code", "district", "memberCount", "members", "status"], ["address", "phone", "neighbourhood", "head"],
            ["sex", "ageGroup", "vulnerabilities", "householdCode"], ["name", "spellings", "documents", "phone", "birthDate", "birthPlace", "consents"]),
        (Roles.CaseWorker, ["code", "district", "address", "phone", "members"], [], ["name", "phone", "birthDate", "vulnerabilities"], ["documents"]),
        (Roles.DataProtectionOfficer, ["code", "district", "address", "phone", "members", "head"], [], ["name", "documents", "phone", "birthDate", "consents"], []),
    ];

    private static readonly Dictionary<string, Programme> RoleProgramme = new()
    {
        [Roles.DistributionClerk] = Programme.Food,
        [Roles.Teacher] = Programme.Education,
        [Roles.CaseWorker] = Programme.Protection,
    };

    private sealed record Registered(Guid HouseholdId, Guid PersonId, string Given)
    {
        public Reviewed? Reviews { get; init; }
    }

    /// <summary>Review rows of people of one office: a pending pair (its group), a merge a decision made, and a pair with someone of the other office.</summary>
    private sealed record Reviewed(Guid GroupId, Guid PairId, Guid MergeId, Guid MergedPerson, Guid CrossPairId);

    [Fact]
    public async Task Every_role_reaches_the_records_and_fields_written_here_and_no_more()
    {
        var admin = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var own = await RegisterAsync(admin, "IST");
        var other = await RegisterAsync(admin, "KAY");
        var ownPeople = await ReviewQueueSetup.StrangersAsync(admin, "IST", 5);
        var otherPeople = await ReviewQueueSetup.StrangersAsync(admin, "KAY", 5);
        var cross = await ReviewQueueSetup.PairAsync(app, ownPeople[4], otherPeople[4], 0.6);
        own = own with { Reviews = await ReviewedAsync(admin, ownPeople, cross) };
        other = other with { Reviews = await ReviewedAsync(admin, otherPeople, cross) };
        var cells = 0;
        var fieldChecks = 0;
        var fieldRoles = new HashSet<string>();
        foreach (var group in Expected.GroupBy(e => (e.Role, e.InProgramme)))
        {
            var (role, inProgramme) = group.Key;
            Programme[] programmes = inProgramme ? [RoleProgramme.GetValueOrDefault(role, Programme.Food)] : [];
            var client = await app.ClientForRoleAsync(role, offices: ["IST"], programmes: programmes);
            foreach (var (_, _, request, ownExpected, otherExpected) in group)
            {
                foreach (var (record, expected, where) in new[] { (own, ownExpected, "own"), (other, otherExpected, "other") })
                {
                    var actual = await AskAsync(client, request, record);
                    Assert.True(expected == actual, $"{role} {(inProgramme ? "in" : "not in")} programme, {where} office, {request}: expected {expected}, got {actual}");
                    cells++;
                }
            }
            if (Fields.FirstOrDefault(f => f.Role == role) is { Role: not null } fields && (inProgramme || !RoleProgramme.ContainsKey(role)))
            {
                var json = JsonNode.Parse(await client.GetStringAsync($"/api/v1/households/{own.HouseholdId}"))!.AsObject();
                fieldChecks += CheckFields(role, json, fields.Present, fields.Absent);
                fieldRoles.Add(role);
                if (fields.MemberPresent.Length + fields.MemberAbsent.Length > 0)
                {
                    fieldChecks += CheckFields(role + " member", json["members"]![0]!.AsObject(), fields.MemberPresent, fields.MemberAbsent);
                }
            }
        }
        output.WriteLine($"{cells} record cells and {fieldChecks} field checks ({app.Provider})");
        // Every role of the field table was checked: a role missing from the loop, or misspelt, must not pass silently.
        Assert.Equal(Fields.Select(f => f.Role).Order(), fieldRoles.Order());
    }

    [Fact]
    public async Task A_managers_people_list_is_pseudonymous_and_a_clerks_household_page_shows_no_document_or_phone()
    {
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var own = await RegisterAsync(officer, "IST");
        var manager = await app.ClientForRoleAsync(Roles.ProgrammeManager, offices: ["IST"], programmes: []);
        var list = JsonNode.Parse(await manager.GetStringAsync("/api/v1/people?pageSize=200"))!["items"]!.AsArray();
        Assert.NotEmpty(list);
        Assert.All(list, p =>
        {
            Assert.False(p!.AsObject().ContainsKey("name"), "a manager's list carries no names");
            Assert.False(p.AsObject().ContainsKey("phone"));
            Assert.True(p.AsObject().ContainsKey("ageGroup"));
        });
        var clerk = await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["IST"], programmes: [Programme.Food]);
        var page = await clerk.GetStringAsync($"/Registry/Households/Details/{own.HouseholdId}");
        Assert.Contains(own.Given, page, StringComparison.Ordinal);
        Assert.DoesNotContain("532 000 11 22", page, StringComparison.Ordinal);
        Assert.DoesNotContain("doc-number", page, StringComparison.Ordinal);
        var managerPage = await manager.GetStringAsync($"/Registry/Households/Details/{own.HouseholdId}");
        Assert.DoesNotContain(own.Given, managerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Çınar", managerPage, StringComparison.Ordinal);
    }

    private static int CheckFields(string who, JsonObject json, string[] present, string[] absent)
    {
        foreach (var p in present)
        {
            Assert.True(json.ContainsKey(p), $"{who}: {p} should be present");
        }
        foreach (var a in absent)
        {
            Assert.False(json.ContainsKey(a), $"{who}: {a} should be absent, not empty");
        }
        return present.Length + absent.Length;
    }

    private async Task<Registered> RegisterAsync(HttpClient officer, string office)
    {
        var given = "Scope" + new string(Enumerable.Range(0, 8).Select(_ => (char)('a' + Random.Shared.Next(26))).ToArray());
        var head = RegistryRequests.Person(given, "Tursun", phone: "+90 532 000 33 44");
        head["documents"] = new JsonArray(new JsonObject { ["type"] = "passport", ["number"] = "E" + Random.Shared.Next(10_000_000, 99_999_999) });
        head["vulnerabilities"] = new JsonArray("disability");
        var body = RegistryRequests.Household("Fatih", head);
        body["fieldOffice"] = office;
        var response = await officer.PostAsJsonAsync("/api/v1/households", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return new Registered(json["id"]!.GetValue<Guid>(), json["members"]![0]!["id"]!.GetValue<Guid>(), given);
    }

    /// <summary>A pending pair of people 0 and 1 and its group; people 2 and 3 decided the same person (a merge); the cross pair as given.</summary>
    private async Task<Reviewed> ReviewedAsync(HttpClient reviewer, List<Guid> people, Guid cross)
    {
        var pair = await ReviewQueueSetup.PairAsync(app, people[0], people[1], 0.6);
        var group = await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/duplicates/groups/{pair}");
        var same = await ReviewQueueSetup.PairAsync(app, people[2], people[3], 0.9);
        var decided = await reviewer.PostAsJsonAsync($"/api/v1/duplicates/{same}/decision", new { samePerson = true, version = 1 });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var merged = people[2].CompareTo(people[3]) > 0 ? people[2] : people[3];
        var merge = (await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/duplicates/merges?person={merged}"))[0];
        return new Reviewed(group.GetProperty("id").GetGuid(), pair, merge.GetProperty("id").GetGuid(), merged, cross);
    }

    private static async Task<int> AskAsync(HttpClient client, string request, Registered r)
    {
        HttpResponseMessage response;
        var reviews = r.Reviews!;
        switch (request)
        {
            case GetGroup:
            case CrossGroup:
                response = await client.GetAsync($"/api/v1/duplicates/groups/{(request == GetGroup ? reviews.GroupId : reviews.CrossPairId)}");
                break;
            case DecideGroup:
                response = await client.PostAsJsonAsync($"/api/v1/duplicates/groups/{reviews.GroupId}/decision", new { samePerson = false, pairs = new[] { new { id = reviews.PairId, version = 0 } } });
                break;
            case ListMerges:
                response = await client.GetAsync($"/api/v1/duplicates/merges?person={reviews.MergedPerson}");
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return (int)response.StatusCode;
                }
                using (var merges = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
                {
                    return merges.RootElement.EnumerateArray().Any(m => m.GetProperty("id").GetGuid() == reviews.MergeId) ? 1 : 0;
                }
            case UndoMerge:
                response = await client.PostAsJsonAsync($"/api/v1/duplicates/merges/{reviews.MergeId}/undo", new { version = 0 });
                break;
            case GetHousehold:
                response = await client.GetAsync($"/api/v1/households/{r.HouseholdId}");
                break;
            case Collectors:
                response = await client.GetAsync($"/api/v1/food/households/{r.HouseholdId}/collectors");
                break;
            case GetPerson:
                response = await client.GetAsync($"/api/v1/people/{r.PersonId}");
                break;
            case HouseholdPage:
                response = await client.GetAsync($"/Registry/Households/Details/{r.HouseholdId}");
                break;
            case PutHousehold:
                // A stale version: the record is left as it was whatever the answer.
                response = await client.PutAsJsonAsync($"/api/v1/households/{r.HouseholdId}", new JsonObject { ["district"] = "Fatih", ["version"] = 0 });
                break;
            case AddMember:
                // A second head: refused by the rules once the household is found, so nothing is added.
                response = await client.PostAsJsonAsync($"/api/v1/households/{r.HouseholdId}/members", RegistryRequests.Person("Second", "Head"));
                break;
            case ListHouseholds:
            case ListPeople:
                response = await client.GetAsync(request == ListHouseholds ? "/api/v1/households?pageSize=200&district=Fatih" : "/api/v1/people?pageSize=200&district=Fatih");
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return (int)response.StatusCode;
                }
                var id = request == ListHouseholds ? r.HouseholdId : r.PersonId;
                return await SeenAsync(response, id, "items") ? 1 : 0;
            case Search:
                response = await client.PostAsJsonAsync("/api/v1/people/search", new { name = r.Given });
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return (int)response.StatusCode;
                }
                var items = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["items"]!.AsArray();
                return items.Any(i => i!["person"]!["id"]!.GetValue<Guid>() == r.PersonId) ? 1 : 0;
            default:
                throw new ArgumentOutOfRangeException(nameof(request));
        }
        return (int)response.StatusCode;
    }

    private static async Task<bool> SeenAsync(HttpResponseMessage response, Guid id, string list)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty(list).EnumerateArray().Any(e => e.GetProperty("id").GetGuid() == id);
    }
}

public sealed class SqliteScopeMatrixTests(SqliteApp app, ITestOutputHelper output) : ScopeMatrixTests(app, output), IClassFixture<SqliteApp>;

public sealed class PostgresScopeMatrixTests(PostgresApp app, ITestOutputHelper output) : ScopeMatrixTests(app, output), IClassFixture<PostgresApp>;
