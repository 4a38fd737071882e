using System.Net.Http.Json;
using Panah.Web.Tests.Infrastructure;
using static Panah.Web.Tests.Protection.ProtectionSeed;

namespace Panah.Web.Tests.Protection;

/// <summary>
/// Need-to-know for protection cases, cell by cell: every request naming a case or an approval (the case's own, its
/// notes, attachments, referrals, transfers, plan and services) × the case's owner, a
/// worker of the same team, a worker of another team, and the team's supervisor. Each cell acts on a fresh GBV case
/// (version 0) with one assessment awaiting approval. Expectations are written out, not derived from the rules.
/// </summary>
public abstract class ProtectionScopeMatrixTests(PanahApp app)
{
    private static readonly (string Request, string Body, int Owner, int SameTeam, int OtherTeam, int Supervisor)[] Expected =
    [
        ("GET /api/v1/protection/cases/{case}", "", 200, 404, 404, 200),
        ("POST /api/v1/protection/cases/{case}/assessments", """{"version":1,"needs":"x"}""", 201, 404, 404, 400),
        ("POST /api/v1/protection/cases/{case}/approvals", """{"version":1,"subject":"Closure"}""", 201, 404, 404, 400),
        ("POST /api/v1/protection/cases/{case}/reopen", """{"version":1}""", 400, 404, 404, 400),
        ("POST /api/v1/protection/cases/{case}/reporting-consent", """{"version":1,"consent":true}""", 204, 404, 404, 400),
        ("POST /api/v1/protection/approvals/{approval}/decision", """{"approve":true}""", 400, 404, 404, 200),
        ("GET /api/v1/protection/people/{person}/cases", "", 200, 200, 200, 200),
        ("GET /api/v1/protection/caseload", "", 200, 200, 200, 200),
        ("GET /api/v1/protection/cases/{case}/notes", "", 200, 404, 404, 200),
        ("POST /api/v1/protection/cases/{case}/notes", """{"text":"called the school"}""", 201, 404, 404, 201),
        ("GET /api/v1/protection/cases/{case}/attachments", "", 200, 404, 404, 200),
        ("GET /api/v1/protection/cases/{case}/referrals", "", 200, 404, 404, 200),
        ("GET /api/v1/protection/cases/{case}/transfers", "", 200, 404, 404, 200),
        ("GET /api/v1/protection/cases/{case}/plan", "", 200, 404, 404, 200),
        ("POST /api/v1/protection/cases/{case}/plan/items", """{"version":1,"goal":"a school place"}""", 201, 404, 404, 400),
        ("POST /api/v1/protection/cases/{case}/services", """{"version":1,"type":"psychosocial","providedOn":"2026-01-05"}""", 201, 404, 404, 400),
    ];

    private static async Task<int> CallAsync(Worker who, string request, string body, Guid caseId, long approvalId, Guid person)
    {
        var (method, path) = (request[..request.IndexOf(' ')], request[(request.IndexOf(' ') + 1)..]);
        var url = path.Replace("{case}", caseId.ToString()).Replace("{approval}", approvalId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Replace("{person}", person.ToString());
        var response = method == "POST"
            ? await who.Client.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"))
            : await who.Client.GetAsync(url);
        return (int)response.StatusCode;
    }

    [Fact]
    public async Task Every_case_request_answers_as_written_for_owner_same_team_other_team_and_supervisor()
    {
        var t = await TeamsAsync(app);
        var person = await PersonAsync(app, 401);
        var wrong = new List<string>();
        foreach (var (request, body, owner, same, other, supervisor) in Expected)
        {
            var got = new List<int>();
            foreach (var who in new[] { t.Owner, t.SameTeam, t.OtherTeam, t.Supervisor })
            {
                var id = await OpenAsync(t.Owner, new { personId = person, type = "Gbv", risk = "High" });
                await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/assessments", new { version = 0, needs = "safety" });
                var approval = (await CaseAsync(t.Owner, id)).GetProperty("approvals")[0].GetProperty("id").GetInt64();
                got.Add(await CallAsync(who, request, body, id, approval, person));
            }
            if (!got.SequenceEqual([owner, same, other, supervisor]))
            {
                wrong.Add($"{request}: expected {owner}/{same}/{other}/{supervisor}, got {string.Join('/', got)}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}

public sealed class SqliteProtectionScopeMatrixTests(SqliteApp app) : ProtectionScopeMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresProtectionScopeMatrixTests(PostgresApp app) : ProtectionScopeMatrixTests(app), IClassFixture<PostgresApp>;
