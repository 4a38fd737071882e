using System.Net;
using System.Text.RegularExpressions;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Registry;

/// <summary>The household registration form as an officer meets it: no error before typing, errors by member and field.</summary>
public sealed class RegisterPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Page = "/Registry/Households/Register";

    private async Task<HttpClient> OfficerAsync() => await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.RegistrationOfficer));

    private static Dictionary<string, string> Member(int i, string given, string relationship, string? sex, bool registrationConsent = true)
    {
        var m = $"Input.Members[{i}]";
        var form = new Dictionary<string, string>
        {
            [$"{m}.Name.Script"] = "ug-Latn",
            [$"{m}.Name.Given"] = given,
            [$"{m}.Name.Family"] = "Tursun",
            [$"{m}.Relationship"] = relationship,
            [$"{m}.BirthDate"] = "1990-04-05",
            [$"{m}.BirthDatePrecision"] = "exact",
            [$"{m}.Documents[0].Type"] = "foreignerId",
            [$"{m}.Documents[1].Type"] = "foreignerId",
        };
        if (sex is not null)
        {
            form[$"{m}.Sex"] = sex;
        }
        if (registrationConsent)
        {
            form[$"{m}.Consents[0].Purpose"] = "registration";
            form[$"{m}.Consents[0].GivenOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd");
            form[$"{m}.Consents[0].NoticeVersion"] = "2026-1";
        }
        return form;
    }

    private static Dictionary<string, string> Form(params Dictionary<string, string>[] members)
    {
        var form = new Dictionary<string, string> { ["Input.FieldOffice"] = "IST", ["Input.District"] = "Fatih" };
        foreach (var (k, v) in members.SelectMany(m => m))
        {
            form[k] = v;
        }
        return form;
    }

    private static void AssertInvalid(string html, string id)
    {
        var field = Regex.Match(html, $"<(input|select|div)[^>]*id=\"{id}\"[^>]*>").Value;
        Assert.Contains("aria-invalid=\"true\"", field);
        Assert.Contains($"aria-describedby=\"{id}-error\"", field);
        Assert.Contains($"id=\"{id}-error\"", html);
    }

    [Fact]
    public async Task The_empty_form_shows_no_error_box_and_no_preselected_sex()
    {
        var html = await (await OfficerAsync()).GetStringAsync(Page);
        Assert.DoesNotContain("alert-danger", html);
        Assert.DoesNotContain("aria-invalid", html);
        var sex = Regex.Match(html, "<select[^>]*id=\"m0-sex\"[\\s\\S]*?</select>").Value;
        Assert.Matches("^<select[^>]*required", sex);
        Assert.Matches("<option value=\"\" selected=\"selected\">", sex);
        Assert.DoesNotMatch("value=\"(female|male|unknown)\" selected", sex);
    }

    [Fact]
    public async Task Errors_are_marked_on_their_fields_and_the_summary_names_the_member()
    {
        var officer = await OfficerAsync();
        var form = Form(Member(0, "Abdurehim", "head", sex: null), Member(1, "", "spouse", "female", registrationConsent: false));
        form["Input.Members[0].Documents[1].Type"] = "passport";
        form["Input.Members[0].Documents[1].Number"] = "U12345678";
        form["Input.Members[0].Documents[1].PermitType"] = "humanitarian";
        var response = await Html.PostFormAsync(officer, Page, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        AssertInvalid(html, "m0-sex");
        AssertInvalid(html, "m1-given");
        AssertInvalid(html, "m1-consents");
        // The blank first document row is dropped, so the passport is shown and marked in the row the officer filled.
        AssertInvalid(html, "m0-d0-permit");
        Assert.Contains("value=\"U12345678\"", Regex.Match(html, "<input[^>]*id=\"m0-d0-number\"[^>]*>").Value);
        // Focus goes to the first problem, without script.
        Assert.Single(Regex.Matches(html, "autofocus="));
        Assert.Matches("<select[^>]*id=\"m0-sex\"[^>]*autofocus", html);

        var summary = Regex.Match(html, "id=\"error-summary\"[\\s\\S]*?</div>").Value;
        Assert.Contains("Member 1: Sex:", summary);
        Assert.Contains("Member 2: Given name:", summary);
        Assert.Contains("Member 2: Consent given for:", summary);
        Assert.Contains("Member 1: Permit type:", summary);
    }
}
