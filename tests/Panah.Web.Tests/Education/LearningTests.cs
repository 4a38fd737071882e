using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Panah.Data.Staff;
using Panah.Web.Tests.Food;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Education;

/// <summary>The register, exams and certificates through HTTP: the rules at work, the teacher's scope, the public check.</summary>
public abstract class LearningTests(PanahApp app)
{
    private async Task<(HttpClient Client, string Id)> TeacherAsync()
    {
        var teacher = await app.CreateStaffAsync(Roles.Teacher, offices: ["KAY"]);
        await using var scope = app.Services.CreateAsyncScope();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueOwnAsync(teacher.User, "test", 1);
        return (app.ClientWithToken(secret), teacher.User.Id);
    }

    private static Task<JsonElement> RegisterAsync(HttpClient client, int session) => client.GetFromJsonAsync<JsonElement>($"/api/v1/education/sessions/{session}/register");

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, int session, object marks) =>
        client.PutAsJsonAsync($"/api/v1/education/sessions/{session}/register", new { marks });

    private static object Scores(decimal reading, decimal writing, decimal listening, decimal speaking) =>
        new { Reading = reading, Writing = writing, Listening = listening, Speaking = speaking };

    [Fact]
    public async Task A_register_starts_with_everyone_present_and_saving_it_marks_only_those_tapped_otherwise()
    {
        var (teacher, id) = await TeacherAsync();
        var section = await LearningSeed.SectionAsync(app, "KAY", id, learners: 3, held: 2);

        var before = await RegisterAsync(teacher, section.Sessions[1]);
        Assert.False(before.GetProperty("taken").GetBoolean());
        Assert.All(before.GetProperty("learners").EnumerateArray(), l => Assert.Equal("Present", l.GetProperty("mark").GetString()));
        Assert.All(before.GetProperty("learners").EnumerateArray(), l => Assert.False(string.IsNullOrEmpty(l.GetProperty("name").GetString())));

        var saved = await SaveAsync(teacher, section.Sessions[1], new Dictionary<Guid, string> { [section.Enrolments[0]] = "Absent", [section.Enrolments[1]] = "Late" });

        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var after = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("learners").EnumerateArray()
            .ToDictionary(l => l.GetProperty("enrolmentId").GetGuid(), l => l);
        Assert.Equal("Absent", after[section.Enrolments[0]].GetProperty("mark").GetString());
        Assert.Equal("Late", after[section.Enrolments[1]].GetProperty("mark").GetString());
        Assert.Equal("Present", after[section.Enrolments[2]].GetProperty("mark").GetString());
        // Only the session taken counts as held: 3 h absent of 3 h, and more than a fifth of the 6 h on the timetable (1.2 h).
        Assert.Equal(0m, after[section.Enrolments[0]].GetProperty("attendanceRate").GetDecimal());
        Assert.False(after[section.Enrolments[0]].GetProperty("canStillQualify").GetBoolean());
        Assert.Equal(1m, after[section.Enrolments[1]].GetProperty("attendanceRate").GetDecimal());
        Assert.True((await RegisterAsync(teacher, section.Sessions[1])).GetProperty("taken").GetBoolean());
    }

    [Fact]
    public async Task Three_unexcused_absences_in_a_row_raise_one_follow_up_and_coming_back_leaves_it_to_be_done()
    {
        var (teacher, id) = await TeacherAsync();
        // 44 sessions of 2 h on the timetable: 17.6 h of absence allowed, so three absences (6 h) leave the exam in reach.
        var section = await LearningSeed.SectionAsync(app, "KAY", id, learners: 2, held: 4, upcoming: 40, hours: 2m);
        var absent = new Dictionary<Guid, string> { [section.Enrolments[0]] = "Absent" };

        foreach (var session in section.Sessions.Take(2))
        {
            await SaveAsync(teacher, session, absent);
        }
        var two = (await RegisterAsync(teacher, section.Sessions[2])).GetProperty("learners").EnumerateArray().Single(l => l.GetProperty("enrolmentId").GetGuid() == section.Enrolments[0]);
        Assert.Equal(0, two.GetProperty("openFollowUps").GetArrayLength());

        await SaveAsync(teacher, section.Sessions[2], absent);
        await SaveAsync(teacher, section.Sessions[2], absent);
        var back = await SaveAsync(teacher, section.Sessions[3], new Dictionary<Guid, string>());
        Assert.True(back.IsSuccessStatusCode, await back.Content.ReadAsStringAsync());

        var line = (await RegisterAsync(teacher, section.Sessions[3])).GetProperty("learners").EnumerateArray().Single(l => l.GetProperty("enrolmentId").GetGuid() == section.Enrolments[0]);
        var reasons = line.GetProperty("openFollowUps").EnumerateArray().Select(r => r.GetProperty("reason").GetString()).ToList();
        // The run of three raised one call, still to be made after the learner came back (saving the third session twice raised no second).
        Assert.Equal(["ConsecutiveAbsences"], reasons);
        Assert.True(line.GetProperty("canStillQualify").GetBoolean());
        Assert.True(line.GetProperty("consecutiveUnexcused").GetInt32() == 0, line.ToString());
        // 6 h of a 17.6 h budget at the weight 0.40: 13.6 points, all from absence.
        Assert.Equal(13.6m, line.GetProperty("riskScore").GetDecimal());
    }

    [Fact]
    public async Task The_outcome_of_a_follow_up_call_closes_it_once_and_only_the_sections_own_teacher_can_record_it()
    {
        var (teacher, id) = await TeacherAsync();
        var (stranger, _) = await TeacherAsync();
        var section = await LearningSeed.SectionAsync(app, "KAY", id, learners: 1, held: 3, upcoming: 40, hours: 2m);
        var absent = new Dictionary<Guid, string> { [section.Enrolments[0]] = "Absent" };
        foreach (var session in section.Sessions.Take(3))
        {
            await SaveAsync(teacher, session, absent);
        }
        var call = (await RegisterAsync(teacher, section.Sessions[2])).GetProperty("learners")[0].GetProperty("openFollowUps")[0].GetProperty("id").GetGuid();

        var foreign = await stranger.PostAsJsonAsync($"/api/v1/education/follow-ups/{call}", new { outcome = "Reached" });
        var unknown = await teacher.PostAsJsonAsync($"/api/v1/education/follow-ups/{call}", new { outcome = "Maybe" });
        var recorded = await teacher.PostAsJsonAsync($"/api/v1/education/follow-ups/{call}", new { outcome = "WillReturn" });
        var again = await teacher.PostAsJsonAsync($"/api/v1/education/follow-ups/{call}", new { outcome = "Leaving" });

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(0, (await RegisterAsync(teacher, section.Sessions[2])).GetProperty("learners")[0].GetProperty("openFollowUps").GetArrayLength());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Panah.Data.PanahDbContext>();
        var row = await db.FollowUps.IgnoreQueryFilters().SingleAsync(f => f.Id == call);
        Assert.Equal(Panah.Data.Education.FollowUpOutcome.WillReturn, row.Outcome);
        Assert.Equal(id, row.DoneBy);
    }

    [Fact]
    public async Task On_the_register_page_the_teacher_taps_what_came_of_the_call_and_the_follow_up_is_gone()
    {
        var staff = await app.CreateStaffAsync(Roles.Teacher, offices: ["KAY"]);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (_, secret) = await scope.ServiceProvider.GetRequiredService<ApiTokens>().IssueOwnAsync(staff.User, "test", 1);
            var api = app.ClientWithToken(secret);
            var seeded = await LearningSeed.SectionAsync(app, "KAY", staff.User.Id, learners: 1, held: 3, upcoming: 40, hours: 2m);
            foreach (var session in seeded.Sessions.Take(3))
            {
                await SaveAsync(api, session, new Dictionary<Guid, string> { [seeded.Enrolments[0]] = "Absent" });
            }
            var browser = await StaffSession.SignInAsync(app, staff);
            var page = $"/Education/Register/{seeded.Id}/{seeded.Sessions[2]}";
            var html = await browser.GetStringAsync(page);
            var action = System.Text.RegularExpressions.Regex.Match(html, "formaction=\"([^\"]+)\" data-outcome=\"WillReturn\"");
            Assert.True(action.Success, "no outcome buttons on the register");

            var posted = await Html.PostFormAsync(browser, page, new Dictionary<string, string>(), System.Net.WebUtility.HtmlDecode(action.Groups[1].Value));

            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            var after = await browser.GetStringAsync(page);
            Assert.DoesNotContain("follow-up-outcome", after);
            Assert.Contains("Call recorded: Will come back.", after);
        }
    }

    [Fact]
    public async Task A_session_still_to_come_cannot_be_taken_and_a_mark_for_someone_not_in_the_section_is_refused()
    {
        var (teacher, id) = await TeacherAsync();
        var section = await LearningSeed.SectionAsync(app, "KAY", id, learners: 1, held: 1, upcoming: 1);

        var future = await SaveAsync(teacher, section.Sessions[1], new Dictionary<Guid, string>());
        var stranger = await SaveAsync(teacher, section.Sessions[0], new Dictionary<Guid, string> { [Guid.NewGuid()] = "Absent" });

        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
    }

    [Fact]
    public async Task A_teacher_cannot_open_another_sections_register_or_exams_nor_mark_them()
    {
        var (teacher, id) = await TeacherAsync();
        var (_, otherId) = await TeacherAsync();
        await LearningSeed.SectionAsync(app, "KAY", id, learners: 1, held: 1);
        var other = await LearningSeed.SectionAsync(app, "KAY", otherId, learners: 2, held: 1);

        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/api/v1/education/sessions/{other.Sessions[0]}/register")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/api/v1/education/sections/{other.Id}/register")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SaveAsync(teacher, other.Sessions[0], new Dictionary<Guid, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/api/v1/education/enrolments/{other.Enrolments[0]}/exam")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.PostAsJsonAsync($"/api/v1/education/enrolments/{other.Enrolments[0]}/exam", new { scores = Scores(20, 20, 20, 20) })).StatusCode);
        // And no way round through the registry: a teacher has no registry read at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await teacher.GetAsync($"/api/v1/people/{other.People[0]}")).StatusCode);
        await using var scope = FoodSeed.Everything(app, out var db);
        Assert.Equal(0, await db.AttendanceMarks.CountAsync(m => m.SectionId == other.Id));
    }

    [Fact]
    public async Task A_pass_issues_a_certificate_whose_public_page_says_only_validity_level_date_and_initials()
    {
        var (teacher, id) = await TeacherAsync();
        var section = await LearningSeed.SectionAsync(app, "KAY", id, learners: 1, held: 1);
        var enrolment = section.Enrolments[0];

        var recorded = await teacher.PostAsJsonAsync($"/api/v1/education/enrolments/{enrolment}/exam", new { scores = Scores(20, 18, 15, 22) });

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var exam = await recorded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Passed", exam.GetProperty("outcome").GetString());
        Assert.Equal(75m, exam.GetProperty("mean").GetDecimal());
        var number = exam.GetProperty("certificateNumber").GetString()!;
        var token = await LearningSeed.TokenAsync(app, enrolment);
        var officer = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var person = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/people/{section.People[0]}");

        var page = await app.AnonymousClient().GetAsync($"/verify/{token}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("id=\"level\">A1<", html);
        Assert.Contains("alert-success", html);
        var initials = System.Text.RegularExpressions.Regex.Match(html, "id=\"initials\">([^<]*)<").Groups[1].Value;
        // Initials in the script the name is written in (Latin when the record has a Latin spelling).
        Assert.Matches(@"^\p{L}\.( \p{L}\.)?$", initials);
        // Nothing that names the holder, their household or the programme: no name part, no code, no product name, no number.
        foreach (var part in new[] { "given", "family", "father" }.Select(p => person.GetProperty("name").TryGetProperty(p, out var v) ? v.GetString() : null).Where(p => p is { Length: > 2 }))
        {
            Assert.DoesNotContain(part!, html, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain("Panah", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(number, html);
        Assert.DoesNotContain(person.GetProperty("householdCode").GetString()!, html);
        Assert.DoesNotContain(section.People[0].ToString(), html);
        Assert.Equal(HttpStatusCode.NotFound, (await app.AnonymousClient().GetAsync($"/verify/{new string('A', 43)}")).StatusCode);
    }

    [Fact]
    public async Task A_holder_registered_only_in_Uyghur_Arabic_script_gets_a_certificate_in_Latin_letters()
    {
        var (teacher, id) = await TeacherAsync();
        var section = await LearningSeed.SectionAsync(app, "KAY", id, learners: 1, held: 1, seed: 91);
        await using (var scope = FoodSeed.Everything(app, out _))
        {
            var store = scope.ServiceProvider.GetRequiredService<Panah.Data.Registry.RegistryStore>();
            var person = (await store.GetPersonAsync(section.People[0]))!;
            var arabic = new Panah.Core.Registry.PersonName(Panah.Core.Registry.NameScript.UyghurArabic, "گۈلنار", "ئابلىز", null);
            await store.UpdatePersonAsync(person.Id, person.Version, person.Details with { Name = arabic, Spellings = [] });
        }

        var recorded = await teacher.PostAsJsonAsync($"/api/v1/education/enrolments/{section.Enrolments[0]}/exam", new { scores = Scores(20, 18, 15, 22) });

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var html = await app.AnonymousClient().GetStringAsync($"/verify/{await LearningSeed.TokenAsync(app, section.Enrolments[0])}");
        Assert.Contains("id=\"initials\">G. A.<", html);
        await using var check = FoodSeed.Everything(app, out var db);
        var certificate = await db.Certificates.AsNoTracking().SingleAsync(c => c.EnrolmentId == section.Enrolments[0]);
        Assert.Equal("G. A.", certificate.HolderInitials);
    }

    [Fact]
    public async Task A_failed_skill_may_be_retaken_once_and_a_pass_then_puts_the_learner_on_the_next_levels_waitlist()
    {
        var (teacher, id) = await TeacherAsync();
        var section = await LearningSeed.SectionAsync(app, "KAY", id, learners: 1, held: 1);
        var enrolment = section.Enrolments[0];
        var url = $"/api/v1/education/enrolments/{enrolment}/exam";

        var first = await (await teacher.PostAsJsonAsync(url, new { scores = Scores(20, 20, 20, 10) })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("RetakeAllowed", first.GetProperty("outcome").GetString());
        Assert.Equal(["Speaking"], first.GetProperty("retakeAllowed").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await teacher.PostAsJsonAsync(url, new { scores = new { Reading = 25 } })).StatusCode);

        var retake = await teacher.PostAsJsonAsync(url, new { scores = new { Speaking = 16 } });

        Assert.Equal(HttpStatusCode.Created, retake.StatusCode);
        Assert.Equal("Passed", (await retake.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await teacher.PostAsJsonAsync(url, new { scores = new { Speaking = 20 } })).StatusCode);
        await using var scope = FoodSeed.Everything(app, out var db);
        var next = await db.ClassApplications.Where(a => a.PersonId == section.People[0]).Select(a => new { a.Level, a.Status }).ToListAsync();
        Assert.Contains(next, a => a.Level == Panah.Core.Education.CefrLevel.A2 && a.Status == Panah.Data.Education.ApplicationStatus.Waiting);
    }

    [Fact]
    public async Task A_learner_whose_attendance_is_out_of_reach_may_not_sit_the_exam()
    {
        var (teacher, id) = await TeacherAsync();
        var section = await LearningSeed.SectionAsync(app, "KAY", id, learners: 1, held: 2);
        await SaveAsync(teacher, section.Sessions[0], new Dictionary<Guid, string> { [section.Enrolments[0]] = "Absent" });

        var refused = await teacher.PostAsJsonAsync($"/api/v1/education/enrolments/{section.Enrolments[0]}/exam", new { scores = Scores(25, 25, 25, 25) });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.False((await teacher.GetFromJsonAsync<JsonElement>($"/api/v1/education/enrolments/{section.Enrolments[0]}/exam")).GetProperty("maySit").GetBoolean());
    }
}

public sealed class SqliteLearningTests(SqliteApp app) : LearningTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresLearningTests(PostgresApp app) : LearningTests(app), IClassFixture<PostgresApp>;
