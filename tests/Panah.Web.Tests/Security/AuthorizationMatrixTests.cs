using System.Net;
using System.Text;
using Xunit.Abstractions;

namespace Panah.Web.Tests.Security;

/// <summary>
/// Deny by default, checked cell by cell: every endpoint and method × anonymous, a 2FA session of every role and
/// an API token of every role, against <see cref="EndpointInventory.Matrix"/>, written by hand: a role granted
/// by mistake in the policy table answers 200 where the matrix says 403, and fails here.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixCallers callers, ITestOutputHelper output) : IClassFixture<MatrixCallers>
{
    /// <summary>Rows that end the caller's session run after all the others.</summary>
    private static readonly IReadOnlySet<string> EndsTheSession = new HashSet<string> { "POST /Account/Logout" };

    [Fact]
    public void Every_endpoint_is_in_the_matrix_and_every_row_is_an_endpoint()
    {
        var expected = EndpointInventory.ExpectedOutcomes();
        var discovered = EndpointInventory.Discover(callers.App).Select(c => c.Key).ToList();
        var unknown = discovered.Where(k => !expected.ContainsKey(k)).ToList();
        Assert.True(unknown.Count == 0, "Endpoints missing from the authorization matrix: " + string.Join(", ", unknown));
        var gone = expected.Keys.Except(discovered).ToList();
        Assert.True(gone.Count == 0, "Matrix rows with no endpoint: " + string.Join(", ", gone));
    }

    [Fact]
    public void Session_only_endpoints_refuse_every_token()
    {
        var expected = EndpointInventory.ExpectedOutcomes();
        foreach (var entry in EndpointInventory.SessionOnly)
        {
            var rows = expected.Where(r => EndpointInventory.IsSessionOnly(r.Key) && (r.Key == entry || entry.StartsWith("PAGE ", StringComparison.Ordinal))).ToList();
            Assert.True(rows.Count > 0, $"{entry} is session-only but has no row in the matrix.");
        }
        foreach (var (key, outcomes) in expected.Where(r => EndpointInventory.IsSessionOnly(r.Key)))
        {
            var tokens = outcomes[(1 + MatrixCallers.RoleColumns.Count)..];
            Assert.True(tokens.All(o => o == "403"), $"{key} is session-only: every token column must be 403.");
        }
    }

    [Fact]
    public async Task Every_cell_answers_as_the_matrix_says()
    {
        var expected = EndpointInventory.ExpectedOutcomes();
        var cells = EndpointInventory.Discover(callers.App)
            .Where(c => expected.ContainsKey(c.Key))
            .OrderBy(c => EndsTheSession.Contains(c.Key))
            .ToList();
        var actual = cells.ToDictionary(c => c.Key, _ => new string[EndpointInventory.Headings.Length]);
        Assert.Equal(EndpointInventory.Headings, callers.Callers.Select(c => c.Column));
        // Callers run side by side, each through its cells in order (so a sign-out comes last).
        await Task.WhenAll(callers.Callers.Select(async (caller, column) =>
        {
            foreach (var cell in cells)
            {
                actual[cell.Key][column] = Outcome(await SendAsync(caller, cell));
            }
        }));
        var checkedCells = actual.Values.Sum(outcomes => outcomes.Count(o => o is not null));
        var wrong = cells.Where(c => !actual[c.Key].SequenceEqual(expected[c.Key])).ToList();
        var report = new StringBuilder();
        foreach (var cell in wrong)
        {
            report.AppendLine($"{cell.Key}\n  expected {string.Join(" ", expected[cell.Key])}\n  actual   {string.Join(" ", actual[cell.Key])}");
        }
        var docs = await callers.Callers[0].Client.GetAsync("/api/docs/index.html");
        Assert.True(docs.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, "API viewer: " + docs.StatusCode);
        output.WriteLine($"{checkedCells + 1} cells checked: {cells.Count} endpoints × {EndpointInventory.Headings.Length} callers, and the anonymous API viewer");
        Assert.True(wrong.Count == 0, $"{wrong.Count} matrix rows differ:\n{report}");
        Assert.Equal(expected.Count * EndpointInventory.Headings.Length, checkedCells);
    }

    private static string Outcome(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var location = response.Headers.Location!;
        var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
        return path switch
        {
            "/Account/Login" => "login",
            "/Account/AccessDenied" => "deny",
            _ => "302",
        };
    }

    /// <summary>An empty JSON object to the API's writes; a page's form with nothing but its anti-forgery token.</summary>
    private static Task<HttpResponseMessage> SendAsync(MatrixCaller caller, EndpointCell cell)
    {
        var request = new HttpRequestMessage(new HttpMethod(cell.Method), cell.Url);
        if (cell.IsPage && cell.Method != "GET")
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = caller.FormToken });
        }
        else if (cell.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        return caller.Client.SendAsync(request);
    }
}
