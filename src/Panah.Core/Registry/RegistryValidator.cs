namespace Panah.Core.Registry;

/// <summary>
/// Rules for registry input. Errors are keyed by field path (e.g. <c>members[1].documents[0].number</c>)
/// and carry a message key that the UI and API translate.
/// </summary>
public static class RegistryValidator
{
    public const int MaxNameLength = 100;
    public const int MaxDistrictLength = 60;
    public const int MaxMembers = 40;

    public static Dictionary<string, List<string>> Validate(HouseholdDetails household, IReadOnlyList<PersonDetails> members, DateOnly today)
    {
        var errors = new Dictionary<string, List<string>>();
        ValidateHousehold(household, errors);
        if (members.Count == 0)
        {
            Add(errors, "members", "Members.Required");
        }
        if (members.Count > MaxMembers)
        {
            Add(errors, "members", "Members.TooMany");
        }
        if (members.Count(m => m.Relationship == Relationship.Head) != 1 && members.Count > 0)
        {
            Add(errors, "members", "Members.OneHead");
        }
        for (var i = 0; i < members.Count; i++)
        {
            ValidatePerson(members[i], today, $"members[{i}].", errors);
        }
        return errors;
    }

    public static Dictionary<string, List<string>> ValidateHouseholdOnly(HouseholdDetails household)
    {
        var errors = new Dictionary<string, List<string>>();
        ValidateHousehold(household, errors);
        return errors;
    }

    public static Dictionary<string, List<string>> Validate(PersonDetails person, DateOnly today)
    {
        var errors = new Dictionary<string, List<string>>();
        ValidatePerson(person, today, "", errors);
        return errors;
    }

    private static void ValidateHousehold(HouseholdDetails h, Dictionary<string, List<string>> errors)
    {
        if (string.IsNullOrWhiteSpace(h.District))
        {
            Add(errors, "district", "District.Required");
        }
        Text(h.District, MaxDistrictLength, "district", errors);
        Text(h.Neighbourhood, MaxDistrictLength, "neighbourhood", errors);
        Text(h.Address, 300, "address", errors);
        if (h.Phone is not null && !PhoneNumber.IsPlausible(h.Phone))
        {
            Add(errors, "phone", "Phone.Invalid");
        }
    }

    private static void ValidatePerson(PersonDetails p, DateOnly today, string prefix, Dictionary<string, List<string>> errors)
    {
        ValidateName(p.Name, prefix + "name.", errors);
        for (var i = 0; i < p.Spellings.Count; i++)
        {
            ValidateName(p.Spellings[i], $"{prefix}spellings[{i}].", errors);
        }
        if (p.BirthDate is { } b)
        {
            if (b.Date > today)
            {
                Add(errors, prefix + "birthDate", "BirthDate.InFuture");
            }
            else if (b.Date.Year < today.Year - 120)
            {
                Add(errors, prefix + "birthDate", "BirthDate.TooOld");
            }
        }
        if (p.Phone is not null && !PhoneNumber.IsPlausible(p.Phone))
        {
            Add(errors, prefix + "phone", "Phone.Invalid");
        }
        if (p.Email is not null && !EmailAddress.IsPlausible(p.Email))
        {
            Add(errors, prefix + "email", "Email.Invalid");
        }
        Text(p.BirthPlace, 100, prefix + "birthPlace", errors);
        for (var i = 0; i < p.Documents.Count; i++)
        {
            ValidateDocument(p.Documents[i], $"{prefix}documents[{i}].", errors);
        }
        if (p.Vulnerabilities.HasFlag(Vulnerability.UnaccompaniedChild) && p.BirthDate is { } bd && bd.AgeOn(today) >= 18)
        {
            Add(errors, prefix + "vulnerabilities", "Vulnerability.ChildOnly");
        }
        ValidateRegistrationBasis(p, today, prefix, errors);
        for (var i = 0; i < p.Consents.Count; i++)
        {
            var c = p.Consents[i];
            if (c.GivenOn > today)
            {
                Add(errors, $"{prefix}consents[{i}].givenOn", "Date.InFuture");
            }
            if (c.WithdrawnOn is { } w && w < c.GivenOn)
            {
                Add(errors, $"{prefix}consents[{i}].withdrawnOn", "Consent.WithdrawnBeforeGiven");
            }
            if (string.IsNullOrWhiteSpace(c.NoticeVersion))
            {
                Add(errors, $"{prefix}consents[{i}].noticeVersion", "Consent.VersionRequired");
            }
            Text(c.NoticeVersion, 20, $"{prefix}consents[{i}].noticeVersion", errors);
            Text(c.Witness, MaxNameLength, $"{prefix}consents[{i}].witness", errors);
        }
    }

    /// <summary>Keeping someone in the registry needs its own recorded basis: a registration consent in force.</summary>
    private static void ValidateRegistrationBasis(PersonDetails p, DateOnly today, string prefix, Dictionary<string, List<string>> errors)
    {
        // Registration's basis is fixed (consent), so the configured rules cannot differ from the defaults here.
        if (!ConsentRules.Default.MayUse(p.Consents, ConsentPurpose.Registration, today))
        {
            Add(errors, prefix + "consents", "Consent.RegistrationRequired");
        }
    }

    private static void ValidateName(PersonName n, string prefix, Dictionary<string, List<string>> errors)
    {
        if (string.IsNullOrWhiteSpace(n.Given))
        {
            Add(errors, prefix + "given", "Name.Required");
        }
        Text(n.Given, MaxNameLength, prefix + "given", errors);
        Text(n.Family, MaxNameLength, prefix + "family", errors);
        Text(n.Father, MaxNameLength, prefix + "father", errors);
    }

    private static void ValidateDocument(IdentityDocument d, string prefix, Dictionary<string, List<string>> errors)
    {
        if (string.IsNullOrWhiteSpace(d.Number))
        {
            Add(errors, prefix + "number", "Document.NumberRequired");
            return;
        }
        if (!Text(d.Number, 40, prefix + "number", errors))
        {
            return;
        }
        switch (d.Type)
        {
            case DocumentType.TurkishCitizenId when !TurkishIdNumber.IsValid(d.Number):
                Add(errors, prefix + "number", "Document.BadChecksum");
                break;
            case DocumentType.TurkishCitizenId when d.Number.StartsWith("99", StringComparison.Ordinal):
                Add(errors, prefix + "number", "Document.CitizenIdStartsWith99");
                break;
            case DocumentType.ForeignerId when !TurkishIdNumber.IsValid(d.Number):
                Add(errors, prefix + "number", "Document.BadChecksum");
                break;
            case DocumentType.ForeignerId when !d.Number.StartsWith("99", StringComparison.Ordinal):
                Add(errors, prefix + "number", "Document.ForeignerIdPrefix");
                break;
            case DocumentType.ResidencePermit when d.ExpiresOn is null:
                Add(errors, prefix + "expiresOn", "Document.ExpiryRequired");
                break;
            case DocumentType.Passport when d.Number.Length is < 5 or > 20:
                Add(errors, prefix + "number", "Document.PassportLength");
                break;
        }
        if (d.PermitType is not null && d.Type != DocumentType.ResidencePermit)
        {
            Add(errors, prefix + "permitType", "Document.PermitTypeOnlyForPermit");
        }
    }

    /// <summary>Every free-text field: within its length, and nothing hidden in it (see <see cref="PlainText"/>).</summary>
    private static bool Text(string? value, int maxLength, string key, Dictionary<string, List<string>> errors)
    {
        if (value is null)
        {
            return true;
        }
        if (value.Length > maxLength)
        {
            Add(errors, key, "Text.TooLong");
            return false;
        }
        if (!PlainText.IsAllowed(value))
        {
            Add(errors, key, PlainText.Refused);
            return false;
        }
        return true;
    }

    private static void Add(Dictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out var list))
        {
            errors[key] = list = [];
        }
        list.Add(message);
    }
}
