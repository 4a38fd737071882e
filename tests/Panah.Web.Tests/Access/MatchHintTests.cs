using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Panah.Core.Registry;
using Panah.Data.Staff;
using Panah.Web.Features.Matching;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Access;

/// <summary>
/// The duplicate check while registering looks at the whole registry, but a candidate in another office shows as
/// its field office and household code only, never the candidate's personal data.
/// </summary>
public abstract class MatchHintTests(PanahApp app)
{
    [Fact]
    public async Task A_kayseri_officer_registering_a_near_duplicate_of_an_istanbul_person_sees_office_and_household_code_only()
    {
        var document = TurkishIdNumber.Complete("994567123");
        var candidate = RegistryRequests.Person("Abdurehim", "Tursun", document: document, phone: "0533 987 65 43");
        candidate["birthPlace"] = "Kashgar";
        var istanbul = await OfficeHouseholds.RegisterAsync(await app.ClientForRoleAsync(Roles.RegistrationOfficer, offices: ["IST"]), "IST", candidate, "Zeytinburnu");
        // The check answers once the index of the whole registry is built (in the background at start-up).
        await app.Services.GetServices<IHostedService>().OfType<MatchIndexBuilder>().Single().ExecuteTask!;

        var officer = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.RegistrationOfficer, offices: ["KAY"]));
        var response = await Html.PostFormAsync(officer, "/Registry/Households/Register", new Dictionary<string, string>
        {
            ["Input.FieldOffice"] = "KAY",
            ["Input.District"] = "Melikgazi",
            ["Input.Members[0].Name.Script"] = "tr-Latn",
            ["Input.Members[0].Name.Given"] = "Abdurrahim",
            ["Input.Members[0].Name.Family"] = "Tursun",
            ["Input.Members[0].Relationship"] = "head",
            ["Input.Members[0].Sex"] = "male",
            ["Input.Members[0].BirthDate"] = "1985-03-04",
            ["Input.Members[0].BirthDatePrecision"] = "exact",
            ["Input.Members[0].Consents[0].Purpose"] = "registration",
            ["Input.Members[0].Consents[0].GivenOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd"),
            ["Input.Members[0].Consents[0].NoticeVersion"] = "2026-1",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("match-elsewhere", html);
        Assert.Contains("Possible match in field office Istanbul — Zeytinburnu, household code", html);
        Assert.Contains(istanbul.Code, html);
        // Nothing of the candidate beyond where they are: no name as registered, spelling, father, document,
        // phone, birth place, address, and no link to the household or the person.
        foreach (var personal in new[] { "Abdurehim", "ئابدۇرېھىم", "Memet", document, "987 65 43", "9876543", "Kashgar", "Çınar", "000 11 22", istanbul.Id.ToString(), istanbul.HeadId.ToString() })
        {
            Assert.DoesNotContain(personal, html);
        }
    }
}

public sealed class SqliteMatchHintTests(SqliteApp app) : MatchHintTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresMatchHintTests(PostgresApp app) : MatchHintTests(app), IClassFixture<PostgresApp>;
