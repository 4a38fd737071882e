using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace Panah.Web.Tests.Security;

/// <summary>
/// JSON as an attacker may write it, which no JSON library would produce: a key given twice, lone UTF-16
/// surrogates, numbers no type holds. Written out by hand, so nothing is "corrected" on the way.
/// </summary>
public abstract record JsonText
{
    public abstract void Write(StringBuilder to);

    public sealed override string ToString()
    {
        var text = new StringBuilder();
        Write(text);
        return text.ToString();
    }

    /// <summary>A JSON string of any UTF-16 text, surrogate halves alone included, in ASCII escapes.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder("\"", value.Length + 2);
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or > '~' => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }
}

public sealed record JsonRaw(string Text) : JsonText
{
    public override void Write(StringBuilder to) => to.Append(Text);
}

public sealed record JsonList(ImmutableList<JsonText> Items) : JsonText
{
    public override void Write(StringBuilder to)
    {
        to.Append('[');
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0)
            {
                to.Append(',');
            }
            Items[i].Write(to);
        }
        to.Append(']');
    }
}

public sealed record JsonMap(ImmutableList<(string Key, JsonText Value)> Members) : JsonText
{
    public override void Write(StringBuilder to)
    {
        to.Append('{');
        for (var i = 0; i < Members.Count; i++)
        {
            to.Append(i > 0 ? "," : "").Append(Quote(Members[i].Key)).Append(':');
            Members[i].Value.Write(to);
        }
        to.Append('}');
    }
}

/// <summary>Generators of hostile values, and of request bodies shaped by the API's own OpenAPI schemas.</summary>
public sealed class MalformedJson(JsonElement openApi)
{
    /// <summary>Texts that have broken parsers, databases and screens: controls, bidi overrides, surrogate halves, huge.</summary>
    public static readonly Gen<string> HostileString = Gen.Frequency<string>(
        (6, Gen.OneOf(
            "", " ", "\0", "a\0b", "\u0007", "\u202Eevil", "x\u2067y", "\u200F", "\u061C", "\uD800", "\uDFFF", "a\uD800b", "\uDC00\uD800",
            "\uFEFF", "\uFFFF", "\U0001D54F", "ئابدۇرېھىم", "<script>alert(1)</script>", "' OR '1'='1", "../../../etc/passwd", "%00",
            "\r\n", "null", "0", "-1", "1e400", "2026-02-30", "0001-01-01", "9999-12-31", "00000000-0000-0000-0000-000000000000", "IST", "ist", "head")),
        (3, Gen.Char.Array[0, 40].Select(chars => new string(chars))),
        (1, Gen.Int[1, 4].Select(k => new string('x', k * 100_000))));

    /// <summary>A value of any type where the schema wants another, or one no type can hold.</summary>
    public static readonly Gen<JsonText> HostileValue = Gen.Frequency<JsonText>(
        (4, HostileString.Select(s => (JsonText)new JsonRaw(JsonText.Quote(s)))),
        (4, Gen.OneOf(
            "0", "-1", "-0", "1.5", "1e400", "-1e400", "1e-400", "2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809",
            "18446744073709551616", "123456789012345678901234567890.5", "true", "false", "null", "{}", "[]", "[null]", "{\"\":null}")
            .Select(t => (JsonText)new JsonRaw(t))),
        (1, Gen.Int[65, 3000].Select(depth => (JsonText)new JsonRaw(new string('[', depth) + new string(']', depth)))),
        (1, Gen.Int[65, 300].Select(depth => (JsonText)new JsonRaw(string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)))));

    /// <summary>Mostly what the schema asks for, so the hostile parts reach past the first field.</summary>
    public Gen<JsonText> For(JsonElement schema, int depth = 0)
    {
        var node = depth > 6 ? Gen.Const<JsonText>(new JsonRaw("null")) : Valid(Resolve(schema), depth);
        return Gen.Frequency<JsonText>((14, node), (1, HostileValue));
    }

    private JsonElement Resolve(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference)
            ? Resolve(openApi.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]))
            : schema;

    private Gen<JsonText> Valid(JsonElement schema, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return HostileValue;
        }
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var choices)
                && choices.EnumerateArray().FirstOrDefault(c => !Types(Resolve(c)).SequenceEqual(["null"])) is { ValueKind: JsonValueKind.Object } choice)
            {
                return For(choice, depth);
            }
        }
        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            return Gen.OneOf(values.EnumerateArray().Select(v => (JsonText)new JsonRaw(v.GetRawText())).ToArray());
        }
        var types = Types(schema);
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return new[] { "object", "array", "integer", "number", "boolean", "string" }.FirstOrDefault(types.Contains) switch
        {
            "object" => Object(schema, depth),
            "array" => For(schema.TryGetProperty("items", out var items) ? items : default, depth + 1).List[0, 3]
                .Select(list => (JsonText)new JsonList([.. list])),
            "integer" => Gen.Int[0, 20].Select(i => (JsonText)new JsonRaw(i.ToString(CultureInfo.InvariantCulture))),
            "number" => Gen.Int[0, 100].Select(i => (JsonText)new JsonRaw((i / 4.0).ToString(CultureInfo.InvariantCulture))),
            "boolean" => Gen.OneOf<JsonText>(new JsonRaw("true"), new JsonRaw("false")),
            "string" => format switch
            {
                "date" => Gen.Int[0, 27_000].Select(d => (JsonText)new JsonRaw(JsonText.Quote(new DateOnly(1950, 1, 1).AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))),
                "uuid" => Gen.Guid.Select(g => (JsonText)new JsonRaw(JsonText.Quote(g.ToString()))),
                _ => Gen.Frequency<JsonText>(
                    (3, Gen.OneOf("Ayşe", "Tursun", "Memet", "Fatih", "IST", "+90 532 000 11 22", "U1234567", "2026-1").Select(s => (JsonText)new JsonRaw(JsonText.Quote(s)))),
                    (1, HostileString.Select(s => (JsonText)new JsonRaw(JsonText.Quote(s))))),
            },
            _ => HostileValue,
        };
    }

    private static List<string> Types(JsonElement schema) =>
        schema.ValueKind != JsonValueKind.Object ? []
        : !schema.TryGetProperty("type", out var type) ? (schema.TryGetProperty("properties", out _) ? ["object"] : [])
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList()
        : [type.GetString()!];

    /// <summary>The schema's members, now and then one left out, one it does not have, or one given twice.</summary>
    private Gen<JsonText> Object(JsonElement schema, int depth)
    {
        var members = Gen.Const(ImmutableList<(string Key, JsonText Value)>.Empty);
        foreach (var property in schema.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().ToList() : [])
        {
            var name = property.Name;
            var member = Gen.Frequency<JsonText?>(
                (12, For(property.Value, depth + 1).Select(v => (JsonText?)v)),
                (1, Gen.Const((JsonText?)null)));
            members = Gen.Select(members, member, (list, value) => value is null ? list : list.Add((name, value)));
        }
        return Gen.Select(members, Gen.Int[0, 9], HostileValue, HostileString, (list, extra, value, key) => (JsonText)new JsonMap(extra switch
        {
            0 => list.Add((key, value)),
            1 when list.Count > 0 => list.Add((list[0].Key, value)),
            _ => list,
        }));
    }
}

/// <summary>A request body as sent: its content type, its bytes, and a short form to print when a sample fails.</summary>
public sealed record MalformedBody(string? ContentType, byte[] Bytes)
{
    public static MalformedBody Json(string text) => new("application/json", Encoding.UTF8.GetBytes(text));

    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Bytes);
        return $"{ContentType} {Bytes.Length} bytes: {(text.Length > 400 ? text[..400] + "…" : text)}";
    }

    /// <summary>Mostly a JSON body of the right shape with hostile parts; else broken as a whole.</summary>
    public static Gen<MalformedBody> Around(Gen<JsonText> body) => Gen.Frequency<MalformedBody>(
        (12, body.Select(j => Json(j.ToString()))),
        (1, Gen.OneOf(Json(""), Json(" "), Json("not json"), Json("{"), Json("{}}"), Json("\"\\uD800\""), Json("{\"a\":1,}"), Json("//\n{}"), new MalformedBody(null, []))),
        (1, Gen.Select(body, Gen.Int[0, 99], (j, percent) => { var t = j.ToString(); return Json(t[..(t.Length * percent / 100)]); })),
        (1, Gen.Select(body, Gen.OneOf("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/json; charset=nonsense"),
            (j, type) => new MalformedBody(type, Encoding.UTF8.GetBytes(j.ToString())))),
        (1, Gen.Select(body, Gen.Int[0, 99], Gen.OneOf<byte[]>([0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x00]), (j, percent, bad) =>
        {
            var bytes = Encoding.UTF8.GetBytes(j.ToString());
            var at = bytes.Length * percent / 100;
            return new MalformedBody("application/json", [.. bytes[..at], .. bad, .. bytes[at..]]);
        })),
        (1, MalformedJson.HostileValue.Select(v => Json(v.ToString()))));
}
