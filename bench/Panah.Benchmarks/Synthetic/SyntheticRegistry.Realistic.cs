namespace Panah.Benchmarks.Synthetic;

/// <summary>
/// The realistic generator (the default since issue 9): what makes a real registry hard and the first generator
/// easy. Households come to register together and come back together (one script and one set of corruptions
/// for the whole family); children are born one to four years apart, some are twins with look-alike names;
/// whole households without papers carry 1-January placeholder dates; first registrations miss dates and sex
/// too; people coming back remember a birthday a month off or guess a year again; and every registration carries
/// the id of the household it was made with.
/// </summary>
internal sealed partial class SyntheticRegistry
{
    private void RealisticHousehold(int size)
    {
        var fatherName = PickMale();
        var place = UyghurNames.Places[_random.Next(UyghurNames.Places.Length)];
        var address = Address();
        var phone = Phone();
        var fatherYear = _random.Next(1945, 1995);
        var father = RealisticMember(fatherName, PickMale(), false, fatherYear, place, phone, address, false);
        var motherYear = fatherYear + _random.Next(-2, 8);
        var mother = RealisticMember(PickFemale(), PickMale(), true, motherYear, place, Maybe(0.5) ? phone : Phone(), address, false);
        var members = new List<Person> { father, mother };

        // A household that fled without papers knows only its children's birth years.
        var noPapers = Maybe(0.12);
        var year = motherYear + _random.Next(19, 27);
        var children = _random.Next(0, 6);
        for (var c = 0; c < children && year <= 2024; c++)
        {
            var female = Maybe(0.5);
            var given = female ? PickFemale() : PickMale();
            var child = RealisticMember(given, fatherName, female, year, place, Maybe(0.3) ? phone : Phone(), address, noPapers);
            members.Add(child);
            if (Maybe(0.035))
            {
                // Twins: same day, same everything, and often names that differ by a few letters.
                var twinFemale = Maybe(0.7) ? female : !female;
                var twinName = twinFemale == female ? LookAlike(given, twinFemale) : twinFemale ? PickFemale() : PickMale();
                members.Add(child with { Given = twinName, Female = twinFemale, Document = Document(), Phone = Maybe(0.5) ? child.Phone : Phone() });
            }

            year += _random.Next(1, 5);
        }

        // The household registers together; about a third come back together later, in another script at another
        // office, as a new household; some people also come back alone.
        var first = Household();
        var ids = new int[members.Count];
        for (var m = 0; m < members.Count && _records.Count < size; m++)
        {
            ids[m] = _people++;
            AddRealistic(members[m], ids[m], duplicate: false, style: null, first);
            // The same child entered twice in one household by mistake.
            if (m >= 2 && Maybe(0.01))
                AddRealistic(members[m], ids[m], duplicate: false, style: null, first);
        }

        if (Maybe(0.3))
        {
            var again = Household();
            var style = Pick([0.25, 0.25, 0.15, 0.15, 0.1, 0.1]);
            var moved = Maybe(0.3) ? Address() : null;
            var newPhone = Maybe(0.3) ? Phone() : null;
            for (var m = 0; m < members.Count && _records.Count < size; m++)
            {
                if (Maybe(0.85))
                    AddRealistic(members[m] with { Address = moved ?? members[m].Address, Phone = newPhone ?? members[m].Phone }, ids[m], duplicate: true, style, again);
            }
        }

        for (var m = 0; m < members.Count && _records.Count < size; m++)
        {
            if (Maybe(0.12))
                AddRealistic(members[m], ids[m], duplicate: true, style: null, Household());
        }
    }

    private void AddRealistic(Person person, int id, bool duplicate, int? style, string household)
    {
        var record = Render(person, $"r{_records.Count}", duplicate, style, household);
        if (duplicate && record.BirthDate is { } birth)
            record = record with { BirthDate = RememberedDate(birth) };
        if (!duplicate && Maybe(0.04))
            record = record with { BirthDate = null };
        if (!duplicate && Maybe(0.03))
            record = record with { Sex = null };
        _records.Add(record);
        _person.Add(id);
    }

    /// <summary>
    /// Dates as people remember them on coming back, beyond the clerk's slips of <see cref="DateQuirk"/>: the same
    /// day a month off (a birthday reckoned in another calendar, or misremembered), and a guessed year, where only
    /// the year was ever known, one or two years off.
    /// </summary>
    private DateOnly RememberedDate(DateOnly d)
    {
        var placeholder = d is { Month: 1, Day: 1 };
        if (placeholder && Maybe(0.08))
            return d.AddYears(_random.Next(2) == 0 ? _random.Next(1, 3) : -_random.Next(1, 3));
        if (!placeholder && d.Day <= 28 && Maybe(0.03))
            return d.AddMonths(_random.Next(2) == 0 ? 1 : -1);
        return d;
    }

    private Person RealisticMember(UyghurName given, UyghurName family, bool female, int year, string place, string? phone, string address, bool noPapers)
    {
        var birth = new DateOnly(year, 1, 1).AddDays(_random.Next(365));
        var dayUnknown = noPapers || Maybe(0.08);
        var document = Maybe(0.75) ? Document() : null;
        return new Person(given, family, family, female, dayUnknown ? new DateOnly(year, 1, 1) : birth, dayUnknown, place, phone, document, address);
    }

    /// <summary>A name of the same sex that starts with the same two letters (Abdureshit and Abduqadir, Gülnisa and Gülzire), else any.</summary>
    private UyghurName LookAlike(UyghurName name, bool female)
    {
        var pool = female ? _female : _male;
        var alike = pool.Where(n => n != name && n.Uly.Length > 2 && n.Uly.AsSpan(0, 2).SequenceEqual(name.Uly.AsSpan(0, 2))).ToArray();
        return alike.Length > 0 ? alike[_random.Next(alike.Length)] : female ? PickFemale() : PickMale();
    }

    private string Household() => $"h{_households++}";

    private string Address() =>
        $"{UyghurNames.Districts[_random.Next(UyghurNames.Districts.Length)]} {UyghurNames.Streets[_random.Next(UyghurNames.Streets.Length)]} No {_random.Next(1, 120)}";

    /// <summary>A foreigner identity number as Turkey issues them: 99, seven digits, and the two check digits.</summary>
    private string Document()
    {
        var digits = new int[11];
        digits[0] = digits[1] = 9;
        for (var i = 2; i < 9; i++)
            digits[i] = _random.Next(10);
        var odd = digits[0] + digits[2] + digits[4] + digits[6] + digits[8];
        var even = digits[1] + digits[3] + digits[5] + digits[7];
        digits[9] = (((odd * 7) - even) % 10 + 10) % 10;
        digits[10] = digits.Take(10).Sum() % 10;
        return string.Concat(digits);
    }
}
