using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Panah.Core.Registry;
using Panah.Data.Staff;
using Panah.Web.Features.Matching;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Matching;

/// <summary>An app node as production runs several on one PostgreSQL: the first of a pair, or another on its database.</summary>
public sealed class MatchNode : PanahApp
{
    public MatchNode()
        : base("postgres")
    {
    }

    public MatchNode(PanahApp first)
        : base(first)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Only a notification, or the catch-up after a reconnect, can bring a change within a test's wait.
        builder.UseSetting("Panah:MatchIndex:PollSeconds", "3600");
        builder.UseSetting("Panah:MatchIndex:ReconnectSeconds", "3");
    }
}

/// <summary>Two app nodes on one PostgreSQL database; node A is started (and migrates) first.</summary>
public sealed class TwoMatchNodes : IDisposable
{
    public TwoMatchNodes()
    {
        A = new MatchNode();
        _ = A.Services;
        B = new MatchNode(A);
        _ = B.Services;
    }

    public MatchNode A { get; }
    public MatchNode B { get; }

    public void Dispose()
    {
        B.Dispose();
        A.Dispose();
    }
}

/// <summary>Every node's online duplicate check follows registrations, erasures and merges made on another node.</summary>
public sealed class MatchIndexNodesTests(TwoMatchNodes nodes) : IClassFixture<TwoMatchNodes>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    private static JsonObject Someone(string given, string family, string birthDate)
    {
        var p = RegistryRequests.Person(given, family, birthDate: birthDate, document: TurkishIdNumber.Complete("99" + Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        p["spellings"] = new JsonArray();
        p["birthPlace"] = "Ghulja";
        return p;
    }

    private static async Task<JsonElement> MatchAsync(HttpClient client, JsonObject person)
    {
        var response = await client.PostAsJsonAsync("/api/v1/people/match", new JsonObject { ["person"] = person.DeepClone() });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<Guid> Candidates(JsonElement result) =>
        result.GetProperty("candidates").EnumerateArray().Select(c => c.GetProperty("personId").GetGuid()).ToList();

    /// <summary>Asks <paramref name="client"/>'s node until <paramref name="condition"/> holds of its answer, or fails after <see cref="Within"/>.</summary>
    private static async Task<JsonElement> UntilAsync(HttpClient client, JsonObject probe, Func<JsonElement, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Within;
        while (true)
        {
            var result = await MatchAsync(client, probe);
            if (result.GetProperty("indexReady").GetBoolean() && condition(result))
            {
                return result;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{what} did not happen within {Within.TotalSeconds} s: {result}");
            await Task.Delay(50);
        }
    }

    private static async Task<Guid> RegisterAsync(HttpClient client, JsonObject person)
    {
        var response = await client.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Nodes-" + Guid.NewGuid().ToString("N")[..6], (JsonObject)person.DeepClone()));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("members")[0].GetProperty("id").GetGuid();
    }

    private async Task<int> ListenersAsync(bool terminate)
    {
        await using var connection = new NpgsqlConnection(nodes.A.ConnectionString);
        await connection.OpenAsync();
        var select = terminate ? "count(pg_terminate_backend(pid))" : "count(*)";
        await using var command = new NpgsqlCommand(
            $"SELECT {select} FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name", connection);
        command.Parameters.AddWithValue("name", MatchIndexFollower.ApplicationName);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_person_registered_on_one_node_is_found_on_another_and_an_erasure_there_takes_them_out()
    {
        var onA = await nodes.A.ClientForRoleAsync(Roles.RegistrationOfficer);
        var onB = await nodes.B.ClientForRoleAsync(Roles.RegistrationOfficer);
        var dpo = await nodes.A.ClientForRoleAsync(Roles.DataProtectionOfficer);
        var person = Someone("Nurmemet", "Ablimit", "1979-11-23");
        var before = (await UntilAsync(onB, person, _ => true, "Node B's index build")).GetProperty("indexed").GetInt32();

        var id = await RegisterAsync(onA, person);
        await UntilAsync(onB, person, r => Candidates(r).Contains(id), "Finding on B a person registered on A");

        var erased = await dpo.PostAsJsonAsync($"/api/v1/people/{id}/erasure", new { reason = "The person asked for erasure" });
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        // The index itself lets go, not only the check's reading of the database.
        await UntilAsync(onB, person, r => r.GetProperty("indexed").GetInt32() == before && !Candidates(r).Contains(id), "Taking out of B's index a person erased on A");
    }

    [Fact]
    public async Task A_person_merged_away_on_one_node_stops_matching_on_another()
    {
        var onA = await nodes.A.ClientForRoleAsync(Roles.RegistrationOfficer);
        var onB = await nodes.B.ClientForRoleAsync(Roles.RegistrationOfficer);
        var person = Someone("Mihrigul", "Turdi", "1988-02-14");
        person["sex"] = "female";
        var first = await RegisterAsync(onA, person);
        var second = await RegisterAsync(onA, person);
        var both = await UntilAsync(onB, person, r => Candidates(r).Contains(first) && Candidates(r).Contains(second), "Finding both registrations on B");

        var pair = await ReviewQueueSetup.PairAsync(nodes.A, first, second, 0.9);
        var decided = await onA.PostAsJsonAsync($"/api/v1/duplicates/{pair}/decision", new { samePerson = true, version = 1L });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);

        var indexed = both.GetProperty("indexed").GetInt32();
        var after = await UntilAsync(onB, person, r => Candidates(r).Count(c => c == first || c == second) == 1 && r.GetProperty("indexed").GetInt32() == indexed - 1,
            "Taking the merged-away registration out of B's index");
        Assert.Single(Candidates(after), c => c == first || c == second);
    }

    [Fact]
    public async Task A_node_that_lost_its_connection_catches_up_on_what_it_missed()
    {
        var onA = await nodes.A.ClientForRoleAsync(Roles.RegistrationOfficer);
        var onB = await nodes.B.ClientForRoleAsync(Roles.RegistrationOfficer);
        var person = Someone("Ekrem", "Qadir", "1969-06-30");
        await UntilAsync(onB, person, _ => true, "Node B's index build");
        var deadline = DateTime.UtcNow + Within;
        while (await ListenersAsync(terminate: false) < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "Both nodes did not start listening");
            await Task.Delay(50);
        }

        // Both nodes lose their listening connection; the notification of this registration reaches neither.
        Assert.Equal(2, await ListenersAsync(terminate: true));
        var id = await RegisterAsync(onA, person);

        await UntilAsync(onB, person, r => Candidates(r).Contains(id), "Catching up on B after the connection came back");
        Assert.Contains(nodes.B.Logs.Lines, m => m.Contains("lost the database", StringComparison.Ordinal));
    }
}
