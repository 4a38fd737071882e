using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data;
using Panah.Data.Entities;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Platform;

/// <summary>In Production, every API error is problem details: a field for unreadable input, an error id for a failure of Panah's own.</summary>
public abstract class ApiProblemTests(PanahApp app)
{
    private static StringContent Json(string text, string mediaType = "application/json") => new(text, Encoding.UTF8, mediaType);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    private static string Body(string birthDate = "\"1985-03-04\"") =>
        RegistryRequests.Household("Fatih", RegistryRequests.Person("Rahmi", "Tursun")).ToJsonString().Replace("\"1985-03-04\"", birthDate, StringComparison.Ordinal);

    [Fact]
    public async Task A_failure_of_Panah_answers_a_problem_whose_error_id_is_in_the_log_and_nothing_else()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanahDbContext>();
        var table = db.Model.FindEntityType(typeof(HouseholdRecord))!.GetTableName()!;
        // The database is broken under the running app: a table it reads is gone.
        var away = $"ALTER TABLE \"{table}\" RENAME TO \"{table}Away\"";
        var back = $"ALTER TABLE \"{table}Away\" RENAME TO \"{table}\"";
        await db.Database.ExecuteSqlRawAsync(away);
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync("/api/v1/households");
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync(back);
        }

        var problem = await ProblemAsync(response, HttpStatusCode.InternalServerError);
        var errorId = problem.GetProperty("errorId").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(errorId));
        var body = problem.GetRawText();
        foreach (var leak in new[] { table, "Exception", " at ", "Sqlite", "Npgsql", "Panah.", "SELECT" })
        {
            Assert.DoesNotContain(leak, body, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains(app.Logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains(errorId, StringComparison.Ordinal) && line.Contains(table, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("12", "members[0].birthDate")]
    [InlineData("\"not a date\"", "members[0].birthDate")]
    [InlineData("[]", "members[0].birthDate")]
    public async Task A_value_of_the_wrong_type_answers_400_naming_its_field(string birthDate, string field)
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var problem = await ProblemAsync(await client.PostAsync("/api/v1/households", Json(Body(birthDate))), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task A_key_given_twice_is_refused_not_read_as_the_last_one()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var twice = Body().Replace("\"district\":\"Fatih\"", "\"district\":\"Fatih\",\"district\":\"Üsküdar\"", StringComparison.Ordinal);
        Assert.Contains("Üsküdar", twice);
        var problem = await ProblemAsync(await client.PostAsync("/api/v1/households", Json(twice)), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("district", out _), problem.GetRawText());
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"fieldOffice\":")]
    [InlineData("not json")]
    public async Task A_body_that_is_not_json_answers_400_for_the_body(string text)
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var problem = await ProblemAsync(await client.PostAsync("/api/v1/households", Json(text)), HttpStatusCode.BadRequest);
        Assert.Equal(JsonValueKind.Object, problem.GetProperty("errors").ValueKind);
    }

    [Fact]
    public async Task A_query_value_that_does_not_parse_answers_400_without_echoing_it()
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var response = await client.GetAsync("/api/v1/households?page=Ay%C5%9Fe");
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.DoesNotContain("Ayşe", problem.GetRawText());
        Assert.False(problem.TryGetProperty("errors", out _), problem.GetRawText());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/json; charset=nonsense")]
    public async Task A_body_of_another_content_type_answers_415_in_the_callers_language(string contentType)
    {
        var client = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body()));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/households") { Content = content };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("tr"));
        var problem = await ProblemAsync(await client.SendAsync(request), HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", problem.GetProperty("title").GetString());
        Assert.Contains("gövde", problem.GetProperty("title").GetString());
    }
}

public sealed class SqliteApiProblemTests(SqliteApp app) : ApiProblemTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresApiProblemTests(PostgresApp app) : ApiProblemTests(app), IClassFixture<PostgresApp>;
