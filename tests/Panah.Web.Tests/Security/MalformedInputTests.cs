using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Panah.Web.Tests.Infrastructure;
using Panah.Web.Tests.Registry;
using Xunit.Abstractions;

namespace Panah.Web.Tests.Security;

/// <summary>The app, one household to aim the writes at, and the callers of the matrix, made once for the class.</summary>
public sealed class MalformedInputFixture<TApp> : IAsyncLifetime, IDisposable where TApp : PanahApp, new()
{
    public TApp App { get; } = new();
    public List<MatrixCaller> Callers { get; } = [];
    public Guid HouseholdId { get; private set; }
    public Guid PersonId { get; private set; }
    public JsonElement OpenApi { get; private set; }

    public async Task InitializeAsync()
    {
        Callers.AddRange(await MatrixCallers.SignInAllAsync(App));
        var officer = Callers.Single(c => c.Column == "tReg").Client;
        var created = await officer.PostAsJsonAsync("/api/v1/households", RegistryRequests.Household("Fatih", RegistryRequests.Person("Rahmi", "Tursun")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var household = await created.Content.ReadFromJsonAsync<JsonElement>();
        HouseholdId = household.GetProperty("id").GetGuid();
        PersonId = household.GetProperty("members")[0].GetProperty("id").GetGuid();
        OpenApi = await officer.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => App.Dispose();
}

/// <summary>
/// Generated malformed input against every write endpoint the routing system knows (API and page handlers), sent by
/// a caller the matrix lets in: never a 500, and a refused request leaves every table as it was.
/// </summary>
public abstract partial class MalformedInputTests<TApp>(MalformedInputFixture<TApp> fixture, ITestOutputHelper output) where TApp : PanahApp, new()
{
    // PANAH_MALFORMED_SAMPLES multiplies both for a deeper run on demand (e.g. 20 before a release); the suite runs the defaults.
    private static readonly int Depth = int.TryParse(Environment.GetEnvironmentVariable("PANAH_MALFORMED_SAMPLES"), out var d) && d > 1 ? d : 1;
    private static readonly int ApiSamples = 40 * Depth;
    private static readonly int FormSamples = 12 * Depth;

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex AnyGuid();

    private List<EndpointCell> WriteEndpoints(bool pages) => EndpointInventory.Discover(fixture.App)
        .Where(c => c.IsPage == pages && c.Method is "POST" or "PUT" or "PATCH" or "DELETE")
        .Where(c => pages || c.IsApi)
        .ToList();

    /// <summary>Anonymous if the matrix lets anonymous in, else the first role it lets in: by token for the API, by session for pages.</summary>
    private MatrixCaller CallerFor(EndpointCell cell)
    {
        var outcomes = EndpointInventory.ExpectedOutcomes()[cell.Key];
        var roles = MatrixCallers.RoleColumns.Count;
        var columns = new[] { 0 }.Concat(Enumerable.Range(cell.IsPage ? 1 : 1 + roles, roles));
        // None let in (a step of sign-in with no sign-in under way): the refusal is what is tried.
        return fixture.Callers[columns.Where(i => !EndpointInventory.IsRefusal(outcomes[i])).DefaultIfEmpty(0).First()];
    }

    /// <summary>Ids of the records that exist, so the input reaches the store, not a 404.</summary>
    private string UrlFor(EndpointCell cell) =>
        cell.Key.Contains("/households/{id", StringComparison.Ordinal) ? AnyGuid().Replace(cell.Url, fixture.HouseholdId.ToString())
        : cell.Key.Contains("/people/{id", StringComparison.Ordinal) || cell.Key.Contains("/Registry/People/Edit", StringComparison.Ordinal) ? AnyGuid().Replace(cell.Url, fixture.PersonId.ToString())
        : cell.Url;

    private JsonElement BodySchema(EndpointCell cell)
    {
        var path = cell.Key[(cell.Key.IndexOf(' ', StringComparison.Ordinal) + 1)..].Replace(":guid", "", StringComparison.Ordinal);
        return fixture.OpenApi.GetProperty("paths").TryGetProperty(path, out var item)
            && item.TryGetProperty(cell.Method.ToLowerInvariant(), out var operation)
            && operation.TryGetProperty("requestBody", out var body)
            && body.GetProperty("content").TryGetProperty("application/json", out var json)
            && json.TryGetProperty("schema", out var schema)
                ? schema
                : default;
    }

    [Fact]
    public async Task Every_api_write_endpoint_answers_malformed_json_without_a_500_or_a_partial_write()
    {
        var endpoints = WriteEndpoints(pages: false);
        Assert.True(endpoints.Count >= 8, string.Join(", ", endpoints.Select(e => e.Key)));
        var generator = new MalformedJson(fixture.OpenApi);
        foreach (var cell in endpoints)
        {
            var bodies = MalformedBody.Around(generator.For(BodySchema(cell)));
            await bodies.SampleAsync(body => SendAndCheckAsync(cell, body), iter: ApiSamples, threads: 1, print: b => b.ToString());
        }
        output.WriteLine($"{endpoints.Count} API write endpoints × {ApiSamples} samples: {string.Join(", ", endpoints.Select(e => e.Key))}");
    }

    [Fact]
    public async Task Every_page_form_answers_malformed_posts_without_a_500_or_a_partial_write()
    {
        var endpoints = WriteEndpoints(pages: true);
        Assert.True(endpoints.Count >= 20, string.Join(", ", endpoints.Select(e => e.Key)));
        foreach (var cell in endpoints)
        {
            var caller = CallerFor(cell);
            var bodies = MalformedForm.For(MalformedForm.FieldNames(await PageAsync(cell), await HandlerAsync(cell)), caller.FormToken);
            await bodies.SampleAsync(body => SendAndCheckAsync(cell, body), iter: FormSamples, threads: 1, print: b => b.ToString());
        }
        output.WriteLine($"{endpoints.Count} page handlers × {FormSamples} samples: {string.Join(", ", endpoints.Select(e => e.Key))}");
    }

    private async Task<CompiledPageActionDescriptor> PageAsync(EndpointCell cell)
    {
        var path = cell.Key[(cell.Key.IndexOf(' ', StringComparison.Ordinal) + 1)..].Split('?')[0];
        var endpoint = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .First(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath == path);
        return await fixture.App.Services.GetRequiredService<PageLoader>().LoadAsync(endpoint.Metadata.GetMetadata<PageActionDescriptor>()!, endpoint.Metadata);
    }

    private async Task<HandlerMethodDescriptor> HandlerAsync(EndpointCell cell)
    {
        var name = cell.Key.Contains("?handler=", StringComparison.Ordinal) ? cell.Key.Split("?handler=")[1] : null;
        return (await PageAsync(cell)).HandlerMethods.First(h => h.Name == name && string.Equals(h.HttpMethod, cell.Method, StringComparison.OrdinalIgnoreCase));
    }

    private async Task SendAndCheckAsync(EndpointCell cell, MalformedBody body)
    {
        var before = await DatabaseFingerprint.TakeAsync(fixture.App);
        var request = new HttpRequestMessage(new HttpMethod(cell.Method), UrlFor(cell)) { Content = new ByteArrayContent(body.Bytes) };
        if (body.ContentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", body.ContentType);
        }
        var response = await CallerFor(cell).Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"{cell.Key} answered {(int)response.StatusCode}: {(text.Length > 300 ? text[..300] : text)}\n{string.Join("\n", fixture.App.Logs.Lines.Where(l => l.Contains("Exception", StringComparison.Ordinal)).TakeLast(3))}");
        // A page that shows its form again with errors refused the post as surely as a 400 does.
        var refused = (int)response.StatusCode >= 400
            || (cell.IsPage && response.StatusCode == HttpStatusCode.OK && (text.Contains("validation-summary-errors", StringComparison.Ordinal) || text.Contains("is-invalid", StringComparison.Ordinal)));
        if (refused)
        {
            var after = await DatabaseFingerprint.TakeAsync(fixture.App);
            Assert.True(before.SequenceEqual(after), $"{cell.Key} refused ({(int)response.StatusCode}) but wrote: {DatabaseFingerprint.Changes(before, after)}");
        }
    }
}

public sealed class SqliteMalformedInputTests(MalformedInputFixture<SqliteApp> fixture, ITestOutputHelper output)
    : MalformedInputTests<SqliteApp>(fixture, output), IClassFixture<MalformedInputFixture<SqliteApp>>;

public sealed class PostgresMalformedInputTests(MalformedInputFixture<PostgresApp> fixture, ITestOutputHelper output)
    : MalformedInputTests<PostgresApp>(fixture, output), IClassFixture<MalformedInputFixture<PostgresApp>>;
