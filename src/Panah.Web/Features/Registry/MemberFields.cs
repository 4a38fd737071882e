namespace Panah.Web.Features.Registry;

/// <summary>What the person form partial needs: the input, its position and the form-field prefix it binds to.</summary>
public sealed record MemberFields(PersonInput Person, int Index, string Prefix, bool Removable = false, string? Title = null);
