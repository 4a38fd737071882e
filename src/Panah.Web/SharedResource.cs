namespace Panah.Web;

/// <summary>Marker for the shared UI strings in <c>Resources/SharedResource.*.resx</c>.</summary>
public sealed class SharedResource;
