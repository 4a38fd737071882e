using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Education;
using Panah.Data.Staff;
using Panah.Web.Tests.Education;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Access;

/// <summary>
/// Need-to-know for classes, cell by cell: every education endpoint and page that names a section, session, enrolment,
/// application or follow-up call × teacher
/// (own section / another teacher's section) and coordinator (own office / another office). Expectations are written
/// out below, not derived from the production rules.
/// </summary>
public abstract class EducationScopeMatrixTests(PanahApp app)
{
    private static readonly (string Who, string Request, int Own, int Other)[] Expected =
    [
        ("teacher", "GET /api/v1/education/sections/{section}", 200, 404),
        ("teacher", "GET /api/v1/education/sections/{section}/learners", 200, 404),
        ("teacher", "GET /api/v1/education/sections/{section}/register", 200, 404),
        ("teacher", "GET /api/v1/education/sessions/{session}/register", 200, 404),
        ("teacher", "PUT /api/v1/education/sessions/{session}/register", 200, 404),
        ("teacher", "GET /api/v1/education/enrolments/{enrolment}/exam", 200, 404),
        ("teacher", "GET /api/v1/education/sections/{section}/waitlist", 403, 403),
        ("teacher", "POST /api/v1/education/follow-ups/{followUp}", 204, 404),
        ("teacher", "GET /api/v1/education/applications/{application}", 403, 403),
        ("teacher", "GET /Education/Application/{application}", 403, 403),
        ("coordinator", "GET /api/v1/education/sections/{section}", 200, 404),
        ("coordinator", "GET /api/v1/education/sections/{section}/learners", 200, 404),
        ("coordinator", "GET /api/v1/education/sections/{section}/register", 200, 404),
        ("coordinator", "GET /api/v1/education/sessions/{session}/register", 200, 404),
        ("coordinator", "PUT /api/v1/education/sessions/{session}/register", 200, 404),
        ("coordinator", "GET /api/v1/education/enrolments/{enrolment}/exam", 200, 404),
        ("coordinator", "GET /api/v1/education/sections/{section}/waitlist", 200, 404),
        ("coordinator", "POST /api/v1/education/follow-ups/{followUp}", 204, 404),
        ("coordinator", "GET /api/v1/education/applications/{application}", 200, 404),
        ("coordinator", "GET /Education/Application/{application}", 200, 404),
    ];

    private async Task<(HttpClient Client, string Id)> ClientAsync(string role, string office)
    {
        var staff = await app.CreateStaffAsync(role, offices: [office]);
        await using var scope = app.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueOwnAsync(staff.User, "test", 1);
        return (app.ClientWithToken(secret), staff.User.Id);
    }

    /// <summary>An open follow-up call for each learner of the section, by enrolment: the teacher closes one, the coordinator the other.</summary>
    private async Task<Guid[]> FollowUpsAsync(SeededSection s)
    {
        await using var scope = FoodSeed.Everything(app, out var db);
        var enrolments = await db.Enrolments.Where(e => e.SectionId == s.Id).OrderBy(e => e.Id).ToListAsync();
        var calls = enrolments.Select(e => new FollowUp
        {
            Id = Guid.NewGuid(), EnrolmentId = e.Id, SectionId = e.SectionId, PersonId = e.PersonId, HouseholdId = e.HouseholdId,
            FieldOfficeId = e.FieldOfficeId, Reason = FollowUpReason.ConsecutiveAbsences, RaisedAt = DateTimeOffset.UtcNow,
        }).ToList();
        db.FollowUps.AddRange(calls);
        await db.SaveChangesAsync();
        return [.. calls.Select(c => c.Id)];
    }

    private static async Task<int> CallAsync(HttpClient client, string request, SeededSection s, Guid followUp)
    {
        var (method, path) = (request[..request.IndexOf(' ')], request[(request.IndexOf(' ') + 1)..]);
        var url = path.Replace("{section}", s.Id.ToString()).Replace("{session}", s.Sessions[0].ToString()).Replace("{enrolment}", s.Enrolments[0].ToString())
            .Replace("{followUp}", followUp.ToString()).Replace("{application}", s.Applications[0].ToString());
        var response = method switch
        {
            "PUT" => await client.PutAsJsonAsync(url, new { marks = new Dictionary<Guid, string>() }),
            "POST" => await client.PostAsJsonAsync(url, new { outcome = "Reached" }),
            _ => await client.GetAsync(url),
        };
        return (int)response.StatusCode;
    }

    [Fact]
    public async Task Every_education_request_answers_as_written_for_own_and_other_section_and_office()
    {
        var (teacher, teacherId) = await ClientAsync(Roles.Teacher, "KAY");
        var (_, otherTeacherId) = await ClientAsync(Roles.Teacher, "KAY");
        var (coordinator, _) = await ClientAsync(Roles.EducationCoordinator, "KAY");
        var own = await LearningSeed.SectionAsync(app, "KAY", teacherId, learners: 2, held: 1, seed: 81);
        var otherSection = await LearningSeed.SectionAsync(app, "KAY", otherTeacherId, learners: 2, held: 1, seed: 82);
        var otherOffice = await LearningSeed.SectionAsync(app, "IST", otherTeacherId, learners: 2, held: 1, seed: 83);
        var calls = new Dictionary<int, Guid[]> { [own.Id] = await FollowUpsAsync(own), [otherSection.Id] = await FollowUpsAsync(otherSection), [otherOffice.Id] = await FollowUpsAsync(otherOffice) };

        var wrong = new List<string>();
        foreach (var (who, request, ownExpected, otherExpected) in Expected)
        {
            var client = who == "teacher" ? teacher : coordinator;
            var other = who == "teacher" ? otherSection : otherOffice;
            var mine = who == "teacher" ? 0 : 1;
            var got = (await CallAsync(client, request, own, calls[own.Id][mine]), await CallAsync(client, request, other, calls[other.Id][mine]));
            if (got != (ownExpected, otherExpected))
            {
                wrong.Add($"{who} {request}: expected {ownExpected}/{otherExpected}, got {got.Item1}/{got.Item2}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}

public sealed class SqliteEducationScopeMatrixTests(SqliteApp app) : EducationScopeMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresEducationScopeMatrixTests(PostgresApp app) : EducationScopeMatrixTests(app), IClassFixture<PostgresApp>;
