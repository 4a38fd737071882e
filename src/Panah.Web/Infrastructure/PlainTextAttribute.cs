using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using Panah.Core;

namespace Panah.Web.Infrastructure;

/// <summary>A form field held to <see cref="PlainText"/>: no control or invisible format characters, with a translated message.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlainTextAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string text || PlainText.IsAllowed(text)
            ? ValidationResult.Success
            : new ValidationResult(validationContext.GetRequiredService<IStringLocalizer<SharedResource>>()[PlainText.Refused], [validationContext.MemberName!]);
}
