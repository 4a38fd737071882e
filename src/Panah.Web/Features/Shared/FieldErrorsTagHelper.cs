using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Panah.Web.Features.Shared;

/// <summary>
/// <c>errors-for="Input.Members[1].Name.Given"</c> on a field: when that key has errors, the field is marked
/// <c>aria-invalid</c>, described by the messages written right after it, and the first invalid field of the page
/// gets <c>autofocus</c>, so focus lands on the first problem without any script.
/// </summary>
[HtmlTargetElement("input", Attributes = Name)]
[HtmlTargetElement("select", Attributes = Name)]
[HtmlTargetElement("div", Attributes = Name)]
public sealed class FieldErrorsTagHelper : TagHelper
{
    private const string Name = "errors-for";
    private static readonly object FirstInvalid = new();

    [HtmlAttributeName(Name)]
    public string Key { get; set; } = "";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (!ViewContext.ModelState.TryGetValue(Key, out var entry) || entry.Errors.Count == 0)
        {
            return;
        }
        var id = output.Attributes["id"]?.Value?.ToString() ?? throw new InvalidOperationException($"A field with errors-for=\"{Key}\" needs an id.");
        output.AddClass("is-invalid", HtmlEncoder.Default);
        output.Attributes.SetAttribute("aria-invalid", "true");
        output.Attributes.SetAttribute("aria-describedby", id + "-error");
        if (output.TagName == "div")
        {
            output.Attributes.SetAttribute("tabindex", "-1"); // a group of checkboxes can take focus as a whole
        }
        if (ViewContext.HttpContext.Items.TryAdd(FirstInvalid, true))
        {
            output.Attributes.SetAttribute("autofocus", "autofocus");
        }
        var messages = new TagBuilder("div");
        messages.AddCssClass("invalid-feedback d-block");
        messages.Attributes["id"] = id + "-error";
        messages.InnerHtml.Append(string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)));
        output.PostElement.AppendHtml(messages);
    }
}
