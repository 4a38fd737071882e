using System.Net;
using System.Text;
using Panah.Data.Staff;
using Panah.Web.Infrastructure;
using Panah.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Panah.Web.Tests.Security;

/// <summary>Deny by default, checked cell by cell: every endpoint × anonymous and every role.</summary>
public sealed class AuthorizationMatrixTests(SqliteApp app, ITestOutputHelper output) : IClassFixture<SqliteApp>
{
    [Fact]
    public void Every_endpoint_is_in_the_matrix()
    {
        var unknown = EndpointInventory.Discover(app).Select(c => c.Cell.Key).Where(k => !EndpointInventory.Expected.ContainsKey(k)).ToList();
        Assert.True(unknown.Count == 0, "Endpoints missing from the authorization matrix: " + string.Join(", ", unknown));
        var gone = EndpointInventory.Expected.Keys.Except(EndpointInventory.Discover(app).Select(c => c.Cell.Key)).ToList();
        Assert.True(gone.Count == 0, "Matrix rows with no endpoint: " + string.Join(", ", gone));
    }

    [Fact]
    public async Task Anonymous_requests_are_refused_everywhere_but_sign_in()
    {
        var client = app.AnonymousClient();
        var checkedCells = 0;
        foreach (var (cell, _) in EndpointInventory.Discover(app))
        {
            var response = await SendAsync(client, cell);
            if (EndpointInventory.Expected[cell.Key] == EndpointInventory.Anonymous)
            {
                Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{cell.Key} should be open");
            }
            else if (cell.IsApi || cell.Url.StartsWith("/openapi", StringComparison.Ordinal))
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{cell.Key}: {response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{cell.Key}: {response.StatusCode}");
                Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
            }
            checkedCells++;
        }
        var docs = await client.GetAsync("/api/docs/index.html");
        Assert.True(docs.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, "API viewer: " + docs.StatusCode);
        output.WriteLine($"{checkedCells + 1} anonymous cells checked");
        Assert.True(checkedCells >= EndpointInventory.Expected.Count);
    }

    [Fact]
    public async Task Each_role_reaches_exactly_what_its_policies_allow()
    {
        var checkedCells = 0;
        var cells = EndpointInventory.Discover(app);
        foreach (var role in Roles.All)
        {
            var client = await app.ClientForRoleAsync(role);
            foreach (var (cell, _) in cells)
            {
                var policy = EndpointInventory.Expected[cell.Key];
                if (policy == EndpointInventory.Anonymous)
                {
                    continue;
                }
                // These clients carry bearer tokens: session-only pages refuse them whatever the role.
                var allowed = Policies.RolesFor[policy].Contains(role) && !EndpointInventory.SessionOnly.Contains(cell.Key);
                var response = await SendAsync(client, cell);
                if (allowed)
                {
                    Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{role} should reach {cell.Key} but got {response.StatusCode}");
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} should be refused {cell.Key} but got {response.StatusCode}");
                }
                checkedCells++;
            }
        }
        output.WriteLine($"{checkedCells} role cells checked ({Roles.All.Count} roles)");
        Assert.Equal(Roles.All.Count * cells.Count(c => EndpointInventory.Expected[c.Cell.Key] != EndpointInventory.Anonymous), checkedCells);
        Assert.True(checkedCells > 100);
    }

    [Fact]
    public async Task Session_only_pages_open_to_a_signed_in_person_of_the_right_role_only()
    {
        var checkedCells = 0;
        var cells = EndpointInventory.Discover(app).Where(c => EndpointInventory.SessionOnly.Contains(c.Cell.Key)).ToList();
        Assert.Equal(EndpointInventory.SessionOnly.Count, cells.Count);
        foreach (var role in Roles.All)
        {
            var session = await StaffSession.SignInAsync(app, await app.CreateStaffAsync(role));
            foreach (var (cell, _) in cells)
            {
                var allowed = Policies.RolesFor[EndpointInventory.Expected[cell.Key]].Contains(role);
                var response = await session.GetAsync(cell.Url);
                // An API answers a refused session with 403 rather than the access-denied page; a made-up id is reached but not found.
                var reached = response.StatusCode == HttpStatusCode.OK || (cell.Key.Contains("{id:guid}", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.NotFound);
                var refused = cell.IsApi
                    ? response.StatusCode == HttpStatusCode.Forbidden
                    : response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery.StartsWith("/Account/AccessDenied", StringComparison.Ordinal);
                Assert.True(allowed ? reached : refused, $"{role} session on {cell.Key}: {response.StatusCode}");
                checkedCells++;
            }
        }
        output.WriteLine($"{checkedCells} session cells checked");
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, EndpointCell cell)
    {
        var request = new HttpRequestMessage(new HttpMethod(cell.Method), cell.Url);
        if (cell.Method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        return client.SendAsync(request);
    }
}
