using System.Text.Json.Nodes;

namespace Panah.Web.Tests.Registry;

/// <summary>JSON bodies for the registry API, as a client would write them.</summary>
public static class RegistryRequests
{
    public static JsonObject Person(string given, string family, string relationship = "head", string? document = null, string? phone = null,
        string script = "ug-Latn", string sex = "male", string birthDate = "1985-03-04") => new()
    {
        ["name"] = new JsonObject { ["script"] = script, ["given"] = given, ["family"] = family, ["father"] = "Memet" },
        ["spellings"] = new JsonArray(new JsonObject { ["script"] = "ug-Arab", ["given"] = "ئابدۇرېھىم", ["family"] = "تۇرسۇن" }),
        ["sex"] = sex,
        ["birthDate"] = birthDate,
        ["relationship"] = relationship,
        ["phone"] = phone,
        ["documents"] = document is null ? new JsonArray() : new JsonArray(new JsonObject { ["type"] = "foreignerId", ["number"] = document }),
        ["vulnerabilities"] = new JsonArray(),
        ["consents"] = new JsonArray(new JsonObject { ["purpose"] = "registration", ["givenOn"] = "2026-01-05", ["noticeVersion"] = "2026-1" }),
    };

    public static JsonObject Household(string district, params JsonObject[] members) => new()
    {
        ["fieldOffice"] = "IST",
        ["district"] = district,
        ["neighbourhood"] = "Yeşiltepe",
        ["address"] = "Çınar Sk. No:5",
        ["phone"] = "+90 532 000 11 22",
        ["members"] = new JsonArray(members),
    };
}
