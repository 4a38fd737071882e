using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Registry;

/// <summary>List filters (an unaccompanied child, a district) are posted and paged without ever entering a URL; on both databases.</summary>
public abstract class ListFilterTests(PanahApp app)
{
    private async Task<string> RegisterAsync()
    {
        var district = "Filter" + Guid.NewGuid().ToString("N")[..8];
        var child = RegistryRequests.Person("Ablimit", "Rozi", birthDate: "2012-02-02");
        child["vulnerabilities"] = new JsonArray("unaccompaniedChild");
        var others = Enumerable.Range(0, 26).Select(i => RegistryRequests.Person("Sibling" + i, "Rozi", "sibling", birthDate: "2010-01-01")).ToArray();
        var api = await app.ClientForRoleAsync(Roles.RegistrationOfficer);
        var created = await api.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household(district, [child, .. others]));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return district;
    }

    [Fact]
    public async Task A_filter_in_the_query_string_is_ignored()
    {
        var district = await RegisterAsync();
        var reader = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.ProgrammeManager));
        var html = await reader.GetStringAsync($"/Registry/People?district={district}&vulnerability=UnaccompaniedChild");
        Assert.DoesNotContain($"value=\"{district}\"", html);
        Assert.DoesNotMatch("<option value=\"UnaccompaniedChild\" selected", html);
    }

    [Fact]
    public async Task A_posted_filter_pages_without_a_url()
    {
        var district = await RegisterAsync();
        var reader = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(Roles.RegistrationOfficer));

        var children = await Html.PostFormAsync(reader, "/Registry/People", new Dictionary<string, string> { ["District"] = district, ["Vulnerability"] = "UnaccompaniedChild", ["p"] = "1" });
        Assert.Equal(HttpStatusCode.OK, children.StatusCode);
        var html = await children.Content.ReadAsStringAsync();
        Assert.Contains("Ablimit Rozi", html);
        Assert.DoesNotContain("Sibling", html);
        Assert.Matches("<option value=\"UnaccompaniedChild\" selected", html);

        var page2 = await (await Html.PostFormAsync(reader, "/Registry/People", new Dictionary<string, string> { ["District"] = district, ["p"] = "2" })).Content.ReadAsStringAsync();
        Assert.Contains("27 results, page 2 of 2", page2);
        foreach (var href in Regex.Matches(page2, "(?:href|action|formaction)=\"([^\"]*)\"").Select(m => m.Groups[1].Value))
        {
            Assert.DoesNotContain(district, href);
            Assert.DoesNotContain("ulnerability", href);
        }
        Assert.Matches("<button[^>]*form=\"people-filter\"[^>]*name=\"p\" value=\"1\"", page2); // Previous re-posts the filter form

        var households = await Html.PostFormAsync(reader, "/Registry/Households", new Dictionary<string, string> { ["District"] = district, ["p"] = "1" });
        Assert.Contains("1 results, page 1 of 1", await households.Content.ReadAsStringAsync());
    }
}

public sealed class SqliteListFilterTests(SqliteApp app) : ListFilterTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresListFilterTests(PostgresApp app) : ListFilterTests(app), IClassFixture<PostgresApp>;
