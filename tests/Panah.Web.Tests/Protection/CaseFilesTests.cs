using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using Panah.Data.Staff;
using Panah.Web.Tests.Infrastructure;

namespace Panah.Web.Tests.Protection;

/// <summary>Notes and attachments of a case through HTTP: sealed, sanitised, and not there for anyone outside the case's scope.</summary>
public abstract class CaseFilesTests(PanahApp app)
{
    public static async Task<Guid> OpenCaseAsync(HttpClient worker)
    {
        var opened = await worker.PostAsJsonAsync("/api/v1/protection/cases", new { type = "ChildUnaccompanied", risk = "High", name = "Test child" });
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        return (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid caseId, byte[] content, string? fileName)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/protection/cases/{caseId}/attachments") { Content = body };
        if (fileName is not null)
        {
            request.Headers.Add("X-File-Name", Uri.EscapeDataString(fileName));
        }
        return client.SendAsync(request);
    }

    [Fact]
    public async Task The_owner_adds_and_reads_notes_newest_first()
    {
        var worker = await app.ClientForRoleAsync(Roles.CaseWorker, offices: ["IST"]);
        var id = await OpenCaseAsync(worker);

        Assert.Equal(HttpStatusCode.Created, (await worker.PostAsJsonAsync($"/api/v1/protection/cases/{id}/notes", new { text = "Met the child at the centre." })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await worker.PostAsJsonAsync($"/api/v1/protection/cases/{id}/notes", new { text = "Uncle may be in Kayseri." })).StatusCode);
        var empty = await worker.PostAsJsonAsync($"/api/v1/protection/cases/{id}/notes", new { text = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        var notes = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}/notes");
        Assert.Equal(["Uncle may be in Kayseri.", "Met the child at the centre."], notes.EnumerateArray().Select(n => n.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task An_uploaded_photo_comes_back_without_its_gps_position_and_under_a_name_that_says_nothing()
    {
        var worker = await app.ClientForRoleAsync(Roles.CaseWorker, offices: ["IST"]);
        var id = await OpenCaseAsync(worker);

        var uploaded = await UploadAsync(worker, id, Photos.JpegWithGps(), "Ayşe passport.JPG");
        Assert.True(uploaded.StatusCode == HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        var attachment = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Jpeg", attachment.GetProperty("kind").GetString());

        var list = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}/attachments");
        Assert.Equal("Ayşe passport.JPG", list.EnumerateArray().Single().GetProperty("fileName").GetString());

        var download = await worker.GetAsync($"/api/v1/protection/cases/{id}/attachments/{attachment.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.DoesNotContain("Ay", download.Content.Headers.ContentDisposition?.ToString() ?? "", StringComparison.Ordinal);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        var metadata = ImageMetadataReader.ReadMetadata(new MemoryStream(bytes));
        Assert.Empty(metadata.OfType<GpsDirectory>());
    }

    [Fact]
    public async Task An_upload_that_is_not_a_photo_or_pdf_is_refused_whatever_its_name()
    {
        var worker = await app.ClientForRoleAsync(Roles.CaseWorker, offices: ["IST"]);
        var id = await OpenCaseAsync(worker);

        var refused = await UploadAsync(worker, id, "<html><script>alert(1)</script>"u8.ToArray(), "photo.jpg");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Protection.UploadNotAccepted", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        Assert.Empty((await worker.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}/attachments")).EnumerateArray());
    }

    [Fact]
    public async Task Another_case_worker_finds_no_notes_or_attachments_and_the_dpo_reads_but_adds_nothing()
    {
        var owner = await app.ClientForRoleAsync(Roles.CaseWorker, offices: ["IST"]);
        var id = await OpenCaseAsync(owner);
        await owner.PostAsJsonAsync($"/api/v1/protection/cases/{id}/notes", new { text = "Private." });
        var attachment = (await (await UploadAsync(owner, id, Photos.JpegWithGps(), null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var other = await app.ClientForRoleAsync(Roles.CaseWorker, offices: ["IST"]);
        var dpo = await app.ClientForRoleAsync(Roles.DataProtectionOfficer);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/protection/cases/{id}/notes")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/protection/cases/{id}/attachments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/protection/cases/{id}/attachments/{attachment}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/protection/cases/{id}/notes", new { text = "Sneaky." })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(other, id, Photos.JpegWithGps(), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dpo.GetAsync($"/api/v1/protection/cases/{id}/notes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dpo.PostAsJsonAsync($"/api/v1/protection/cases/{id}/notes", new { text = "No." })).StatusCode);
        Assert.Single((await owner.GetFromJsonAsync<JsonElement>($"/api/v1/protection/cases/{id}/notes")).EnumerateArray());
    }
}

public sealed class SqliteCaseFilesTests(SqliteApp app) : CaseFilesTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresCaseFilesTests(PostgresApp app) : CaseFilesTests(app), IClassFixture<PostgresApp>;
