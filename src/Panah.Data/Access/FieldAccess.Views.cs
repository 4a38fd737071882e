using Panah.Core.Registry;
using Panah.Data.Registry;

namespace Panah.Data.Access;

// Cutting views to a field set: the only place a hidden field's value is dropped.
public static partial class FieldAccessViews
{
    private static readonly PersonName HiddenName = new(NameScript.UyghurLatin, "", null, null);

    public static PersonView Cut(this PersonView v, RegistryFields fields)
    {
        var d = v.Details;
        var name = fields.Shows(RegistryFields.Name) || (fields.Shows(RegistryFields.HeadName) && d.Relationship == Relationship.Head);
        var shown = (fields & ~(RegistryFields.Name | RegistryFields.HeadName)) | (name ? RegistryFields.Name : RegistryFields.None);
        if (shown.Shows(RegistryFields.All & ~RegistryFields.HeadName))
        {
            return v with { Shown = shown };
        }
        return v with
        {
            District = fields.Shows(RegistryFields.District) ? v.District : "",
            AgeGroup = fields.Shows(RegistryFields.AgeGroup) ? v.AgeGroup : null,
            Shown = shown,
            Details = new PersonDetails
            {
                Name = name ? d.Name : HiddenName,
                Spellings = fields.Shows(RegistryFields.Spellings) ? d.Spellings : [],
                Sex = fields.Shows(RegistryFields.Sex) ? d.Sex : Sex.Unknown,
                BirthDate = fields.Shows(RegistryFields.BirthDate) ? d.BirthDate : null,
                BirthPlace = fields.Shows(RegistryFields.BirthPlace) ? d.BirthPlace : null,
                Relationship = fields.Shows(RegistryFields.Relationship) ? d.Relationship : default,
                Phone = fields.Shows(RegistryFields.Phone) ? d.Phone : null,
                // Contact data: the email is shown to whoever is shown the phone.
                Email = fields.Shows(RegistryFields.Phone) ? d.Email : null,
                Documents = fields.Shows(RegistryFields.Documents) ? d.Documents : [],
                Vulnerabilities = fields.Shows(RegistryFields.SpecificNeeds) ? d.Vulnerabilities : Vulnerability.None,
                Consents = fields.Shows(RegistryFields.Consents) ? d.Consents : [],
            },
        };
    }

    public static HouseholdView Cut(this HouseholdView h, RegistryFields fields)
    {
        var head = h.Members.FirstOrDefault(m => m.Details.Relationship == Relationship.Head && m.MergedIntoId is null)?.Details.Name;
        var d = h.Details;
        return h with
        {
            Shown = fields,
            Head = fields.Shows(RegistryFields.HeadName) ? head : null,
            Members = fields.Shows(RegistryFields.Members) ? h.Members.Select(m => m.Cut(fields)).ToList() : [],
            Details = new HouseholdDetails
            {
                District = fields.Shows(RegistryFields.District) ? d.District : "",
                Neighbourhood = fields.Shows(RegistryFields.Neighbourhood) ? d.Neighbourhood : null,
                Address = fields.Shows(RegistryFields.Address) ? d.Address : null,
                Phone = fields.Shows(RegistryFields.HouseholdPhone) ? d.Phone : null,
                Status = fields.Shows(RegistryFields.HouseholdStatus) ? d.Status : default,
            },
            RegisteredOn = fields.Shows(RegistryFields.RegisteredOn) ? h.RegisteredOn : default,
            MemberCount = fields.Shows(RegistryFields.MemberCount) ? h.MemberCount : 0,
        };
    }

    public static HouseholdSummary Cut(this HouseholdSummary s, RegistryFields fields) => s with
    {
        Shown = fields,
        District = fields.Shows(RegistryFields.District) ? s.District : "",
        Status = fields.Shows(RegistryFields.HouseholdStatus) ? s.Status : default,
        RegisteredOn = fields.Shows(RegistryFields.RegisteredOn) ? s.RegisteredOn : default,
        MemberCount = fields.Shows(RegistryFields.MemberCount) ? s.MemberCount : 0,
        Head = fields.Shows(RegistryFields.HeadName) ? s.Head : null,
    };

    /// <summary>A name in a list (the review queue): kept only for a reader who sees every person's name.</summary>
    public static PersonName CutName(this PersonName name, RegistryFields fields) => fields.Shows(RegistryFields.Name) ? name : HiddenName;
}
