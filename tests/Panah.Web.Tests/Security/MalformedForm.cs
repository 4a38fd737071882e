using System.Collections.Immutable;
using System.Net;
using System.Reflection;
using System.Text;
using CsCheck;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;

namespace Panah.Web.Tests.Security;

/// <summary>Form posts to a page handler: its own field names, with hostile values, fields left out or given twice, a missing or forged anti-forgery token.</summary>
public static class MalformedForm
{
    /// <summary>The names a browser would post to <paramref name="handler"/>: bound properties and handler parameters, nested ("Input.Email", "Household.Members[0].Name.Given").</summary>
    public static List<string> FieldNames(CompiledPageActionDescriptor page, HandlerMethodDescriptor handler)
    {
        var names = new List<string>();
        foreach (var p in page.BoundProperties.Cast<ParameterDescriptor>().Concat(handler.Parameters))
        {
            Add(p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType, 0, names);
        }
        return names;
    }

    private static void Add(string prefix, Type type, int depth, List<string> names)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(CancellationToken))
        {
            return;
        }
        if (IsLeaf(type) || depth > 3)
        {
            names.Add(prefix);
            return;
        }
        var element = type.IsArray
            ? type.GetElementType()
            : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        if (element is not null)
        {
            Add(prefix + "[0]", element, depth + 1, names);
            return;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            Add(prefix + "." + property.Name, property.PropertyType, depth + 1, names);
        }
    }

    private static bool IsLeaf(Type t) =>
        t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Guid) || t == typeof(DateOnly)
        || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeSpan) || typeof(Microsoft.AspNetCore.Http.IFormFile).IsAssignableFrom(t);

    private static readonly Gen<string> Plain = Gen.OneOf(
        "", "a", "1", "0", "-1", "true", "on", "2026-01-05", "IST", "Ayşe", "Tursun", "head", "male", "passport", "registration",
        "ayse@test.panah.invalid", "RegistrationOfficer", "00000000-0000-0000-0000-000000000000", "ug-Latn");

    public static Gen<MalformedBody> For(IReadOnlyList<string> fields, string token)
    {
        var pairs = Gen.Const(ImmutableList<(string Key, string Value)>.Empty);
        foreach (var field in fields)
        {
            var name = field;
            var pair = Gen.Frequency<(string, string)?>(
                (6, Plain.Select(v => ((string, string)?)(name, v))),
                (3, MalformedJson.HostileString.Select(v => ((string, string)?)(name, v))),
                (1, Gen.OneOf(name.Replace("[0]", "[-1]", StringComparison.Ordinal), name.Replace("[0]", "[2147483647]", StringComparison.Ordinal),
                    name.Replace("[0]", "[x]", StringComparison.Ordinal), name + "[0]", name + ".x", name + "[]").Select(k => ((string, string)?)(k, "1"))),
                (2, Gen.Const(((string, string)?)null)));
            pairs = Gen.Select(pairs, pair, (list, p) => p is { } kv ? list.Add(kv) : list);
        }
        var raw = Gen.OneOf("%FF=%FE", "x=%ED%A0%80", "%=%", "a=%zz", "=", "&&", "a=1&a=2", "__RequestVerificationToken=forged", "handler=Nonexistent");
        return Gen.Select(pairs, Gen.Int[0, 15], raw, (list, shape, extra) =>
        {
            var body = new StringBuilder(string.Join('&', (shape == 4 && list.Count > 0 ? list.Add(list[0]) : list)
                .Select(p => WebUtility.UrlEncode(p.Key) + "=" + WebUtility.UrlEncode(p.Value))));
            if (shape != 0)
            {
                body.Append("&__RequestVerificationToken=").Append(WebUtility.UrlEncode(token));
            }
            if (shape == 1)
            {
                body.Append('&').Append(extra);
            }
            var type = shape switch
            {
                2 => "multipart/form-data; boundary=x",
                3 => "application/json",
                _ => "application/x-www-form-urlencoded",
            };
            return new MalformedBody(type, Encoding.ASCII.GetBytes(body.ToString()));
        });
    }
}
