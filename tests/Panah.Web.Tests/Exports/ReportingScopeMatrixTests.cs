using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Exports;

/// <summary>
/// The dashboards, donor reports, aggregates and export gate by caller, role and office, written out. A dashboard or
/// report of another office is refused (400: not one of the viewer's offices); an export request is its requester's
/// alone (404 to everyone else, the DPOs decide on it but never download it); nobody approves their own request.
/// Rows run in order and each column is one caller: the export request is approved by the first DPO, so the second
/// finds it decided (409), and only its requester, in the last column, downloads it, once.
/// </summary>
public abstract class ReportingScopeMatrixTests(PanahApp app, GpgKeys keys)
{
    // endpoint                                                   KAYmgr ISTmgr ISToff KAYdis KAYcas DPOa   DPOb   KAYoff
    private const string Matrix = """
        GET  /api/v1/dashboards/registry?office=KAY                   200    400    400    403    403    403    403    200
        GET  /api/v1/dashboards/food?office=KAY                       200    400    403    200    403    403    403    403
        GET  /api/v1/dashboards/education?office=KAY                  200    400    403    403    403    403    403    403
        GET  /api/v1/dashboards/protection?office=KAY                 403    403    403    403    200    403    403    403
        GET  /api/v1/reports/donor/registry?month=2026-10&office=KAY  200    400    400    403    403    403    403    200
        GET  /api/v1/reports/donor/food?month=2026-10&office=KAY      200    400    403    200    403    403    403    403
        GET  /api/v1/aggregates/people?format=csv                     200    200    200    200    200    200    200    200
        GET  /api/v1/exports/                                         200    200    200    200    200    200    200    200
        GET  /api/v1/exports/all                                      403    403    403    403    403    200    200    403
        GET  /api/v1/exports/{request}/file                           404    404    404    404    404    404    404    409
        POST /api/v1/exports/{request}/approve                        403    403    403    403    403    200    409    403
        POST /api/v1/exports/{own}/approve                            403    403    403    403    403    403    200    403
        GET  /api/v1/exports/{request}/file                           404    404    404    404    404    404    404    200
        GET  /api/v1/exports/{request}/file                           404    404    404    404    404    404    404    409
        """;

    [Fact]
    public async Task Every_reporting_endpoint_answers_each_caller_and_office_as_written()
    {
        var dpoA = await app.ClientForRoleAsync(Roles.DataProtectionOfficer);
        var kayOfficer = await app.ClientForRoleAsync(Roles.RegistrationOfficer, offices: ["KAY"]);
        HttpClient[] callers =
        [
            await app.ClientForRoleAsync(Roles.ProgrammeManager, offices: ["KAY"]),
            await app.ClientForRoleAsync(Roles.ProgrammeManager, offices: ["IST"]),
            await app.ClientForRoleAsync(Roles.RegistrationOfficer, offices: ["IST"]),
            await app.ClientForRoleAsync(Roles.DistributionClerk, offices: ["KAY"]),
            await app.ClientForRoleAsync(Roles.CaseWorker, offices: ["KAY"]),
            dpoA,
            await app.ClientForRoleAsync(Roles.DataProtectionOfficer),
            kayOfficer,
        ];
        var added = await dpoA.PostAsJsonAsync("/api/v1/exports/recipients", new { name = "Matrix " + Guid.NewGuid().ToString("N")[..6], organisation = "Partner NGO", publicKey = keys.Recipient.ArmouredPublicKey });
        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var recipient = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var request = await RequestAsync(kayOfficer, recipient, "households", ["household_code", "member_count"]);
        var own = await RequestAsync(dpoA, recipient, "households", ["household_code"]);

        var failures = new List<string>();
        var cells = 0;
        foreach (var line in Matrix.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var url = parts[1].Replace("{request}", request.ToString()).Replace("{own}", own.ToString());
            for (var i = 0; i < callers.Length; i++)
            {
                using var message = new HttpRequestMessage(new HttpMethod(parts[0]), url);
                var status = (int)(await callers[i].SendAsync(message)).StatusCode;
                cells++;
                if (status != int.Parse(parts[2 + i]))
                {
                    failures.Add($"{parts[0]} {parts[1]} caller {i}: expected {parts[2 + i]}, got {status}");
                }
            }
        }
        Assert.Equal(14 * 8, cells);
        Assert.Empty(failures);
    }

    private static async Task<Guid> RequestAsync(HttpClient requester, int recipient, string dataset, string[] columns)
    {
        var asked = await requester.PostAsJsonAsync("/api/v1/exports", new { purpose = "Scope matrix of the gate", recipientId = recipient, dataset, columns });
        Assert.True(asked.StatusCode == HttpStatusCode.Created, await asked.Content.ReadAsStringAsync());
        return (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}

public sealed class SqliteReportingScopeMatrixTests(SqliteApp app, GpgKeys keys) : ReportingScopeMatrixTests(app, keys), IClassFixture<SqliteApp>, IClassFixture<GpgKeys>;

public sealed class PostgresReportingScopeMatrixTests(PostgresApp app, GpgKeys keys) : ReportingScopeMatrixTests(app, keys), IClassFixture<PostgresApp>, IClassFixture<GpgKeys>;
