using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Panah.Core.Registry;

namespace Panah.Web.Infrastructure;

/// <summary>
/// How every page shows a name typed by someone: <c>&lt;person-name value="@name" /&gt;</c> for a person's name, or
/// <c>text="…"</c> (with an optional <c>script</c>) for one part of it or another typed name. It renders a
/// <c>&lt;bdi&gt;</c>, so that a right-to-left name, or any direction mark that got past input, cannot reorder the
/// badges, links and buttons after it; the script's language tag lets the browser pick fonts and shaping.
/// </summary>
[HtmlTargetElement("person-name", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PersonNameTagHelper : TagHelper
{
    /// <summary>A whole name, shown as given and family name.</summary>
    public PersonName? Value { get; set; }

    /// <summary>A name part or another typed name, shown as it is.</summary>
    public string? Text { get; set; }

    /// <summary>The script of <see cref="Text"/>, when known.</summary>
    public NameScript? Script { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var script = Value?.Script ?? Script;
        output.TagName = "bdi";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("name", HtmlEncoder.Default);
        output.Attributes.SetAttribute("dir", script?.IsRightToLeft() == true ? "rtl" : "auto");
        if (script is { } s)
        {
            output.Attributes.SetAttribute("lang", s.Tag());
        }
        output.Content.SetContent(Value?.Display ?? Text ?? "");
    }
}
