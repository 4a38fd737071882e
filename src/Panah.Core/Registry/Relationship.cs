namespace Panah.Core.Registry;

/// <summary>Relationship of a member to the head of household.</summary>
public enum Relationship
{
    Head = 0,
    Spouse = 1,
    Child = 2,
    Parent = 3,
    Sibling = 4,
    Grandchild = 5,
    OtherRelative = 6,
    NotRelated = 7,
}
