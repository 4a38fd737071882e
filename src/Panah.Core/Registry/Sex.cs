namespace Panah.Core.Registry;

/// <summary>Sex as recorded for sex-and-age disaggregation.</summary>
public enum Sex
{
    Unknown = 0,
    Female = 1,
    Male = 2,
}
