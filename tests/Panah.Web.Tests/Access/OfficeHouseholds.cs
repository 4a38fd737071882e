using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Panah.Web.Tests.Registry;

namespace Panah.Web.Tests.Access;

/// <summary>A household registered through the API in a given field office.</summary>
public sealed record OfficeHousehold(Guid Id, string Code, Guid HeadId);

public static class OfficeHouseholds
{
    /// <summary>Registers a one-person household in <paramref name="office"/> with <paramref name="registrar"/> (an officer who works there).</summary>
    public static async Task<OfficeHousehold> RegisterAsync(HttpClient registrar, string office, JsonObject head, string district = "Melikgazi")
    {
        var body = RegistryRequests.Household(district, head);
        body["fieldOffice"] = office;
        var response = await registrar.PostAsJsonAsync("/api/v1/households", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return new OfficeHousehold(json["id"]!.GetValue<Guid>(), json["code"]!.GetValue<string>(), json["members"]![0]!["id"]!.GetValue<Guid>());
    }
}
