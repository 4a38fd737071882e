using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Panah.Core.Registry;
using Panah.Data.Matching;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Referrals;
using static Panah.Web.Tests.Protection.ProtectionSeed;

namespace Panah.Web.Tests.Protection;

/// <summary>
/// Need-to-know for protection cases, cell by cell: every request naming a case or an approval (the case's own, its
/// notes, attachments, referrals and their steps, transfers, plan, services and tracing requests) × the case's owner, a
/// worker of the same team, a worker of another team, and the team's supervisor. Each cell acts on a fresh GBV case
/// (version 0) with one assessment awaiting approval. Expectations are written out, not derived from the rules. The
/// supervisor may refer (they alone may override a missing consent to share) but not step a referral, which is the
/// owner's record of what the partner answered.
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
        ("POST /api/v1/protection/cases/{case}/referrals", """{"version":1,"partnerId":{partner},"service":"health","fields":["type"]}""", 201, 404, 404, 201),
        ("POST /api/v1/protection/cases/{case}/referrals/{referral}/steps", """{"step":"Accept","version":2}""", 200, 404, 404, 400),
        ("POST /api/v1/protection/cases/{case}/referrals/{referral}/steps", """{"step":"Accept","version":1}""", 409, 404, 404, 400),
        ("POST /api/v1/protection/tracing/", """{"caseId":"{case}","version":1,"given":"Gülnar","relation":"mother"}""", 201, 404, 404, 400),
        ("GET /api/v1/protection/tracing/{tracing}", "", 200, 404, 404, 200),
        ("POST /api/v1/protection/tracing/{tracing}/search", """{"caseId":"{case}","version":2}""", 200, 404, 404, 400),
    ];

    /// <summary>What a cell's request names besides its case: the approval awaiting the supervisor, and, when the request names them, a referral or a tracing request the owner opened (each moving the case to version 2).</summary>
    private sealed record Cell(Guid Case, long Approval, Guid Person, int Partner, Guid? Referral, Guid? Tracing)
    {
        public string Fill(string text) => text.Replace("{case}", Case.ToString()).Replace("{approval}", Approval.ToString(CultureInfo.InvariantCulture))
            .Replace("{person}", Person.ToString()).Replace("{partner}", Partner.ToString(CultureInfo.InvariantCulture))
            .Replace("{referral}", Referral.ToString()).Replace("{tracing}", Tracing.ToString());
    }

    private static async Task<int> CallAsync(Worker who, string request, string body, Cell cell)
    {
        var (method, path) = (request[..request.IndexOf(' ')], request[(request.IndexOf(' ') + 1)..]);
        var url = cell.Fill(path);
        var response = method == "POST"
            ? await who.Client.PostAsync(url, new StringContent(cell.Fill(body), System.Text.Encoding.UTF8, "application/json"))
            : await who.Client.GetAsync(url);
        return (int)response.StatusCode;
    }

    private static async Task<Guid> CreatedAsync(Worker who, string url, object body)
    {
        var response = await who.Client.PostAsJsonAsync(url, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Every_case_request_answers_as_written_for_owner_same_team_other_team_and_supervisor()
    {
        var t = await TeamsAsync(app);
        // Consent to protection and to sharing with partners, so that a referral can be made.
        var person = await ReferralSeed.PersonAsync(app, 401, ConsentPurpose.Protection, ConsentPurpose.DataSharing);
        var partnerAnswer = await t.Supervisor.Client.PostAsJsonAsync("/api/v1/protection/partners",
            new { name = FoodSeed.NewCode("Partner "), services = new[] { "health" }, deskEmail = "referrals@partner.example" });
        Assert.Equal(HttpStatusCode.Created, partnerAnswer.StatusCode);
        var partner = (await partnerAnswer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        // Tracing searches the registry's match index, which is built at start-up.
        Assert.True(SpinWait.SpinUntil(() => app.Services.GetRequiredService<RegistryMatchIndex>().IsReady, TimeSpan.FromSeconds(120)), "the match index was not built");
        var wrong = new List<string>();
        foreach (var (request, body, owner, same, other, supervisor) in Expected)
        {
            var got = new List<int>();
            foreach (var who in new[] { t.Owner, t.SameTeam, t.OtherTeam, t.Supervisor })
            {
                var id = await OpenAsync(t.Owner, new { personId = person, type = "Gbv", risk = "High" });
                await t.Owner.Client.PostAsJsonAsync($"/api/v1/protection/cases/{id}/assessments", new { version = 0, needs = "safety" });
                var approval = (await CaseAsync(t.Owner, id)).GetProperty("approvals")[0].GetProperty("id").GetInt64();
                var referral = request.Contains("{referral}", StringComparison.Ordinal)
                    ? await CreatedAsync(t.Owner, $"/api/v1/protection/cases/{id}/referrals", new { version = 1, partnerId = partner, service = "health", fields = new[] { "type" } })
                    : (Guid?)null;
                var tracing = request.Contains("{tracing}", StringComparison.Ordinal)
                    ? await CreatedAsync(t.Owner, "/api/v1/protection/tracing/", new { caseId = id, version = 1, given = "Gülnar", family = "Tursun", relation = "mother" })
                    : (Guid?)null;
                got.Add(await CallAsync(who, request, body, new Cell(id, approval, person, partner, referral, tracing)));
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
