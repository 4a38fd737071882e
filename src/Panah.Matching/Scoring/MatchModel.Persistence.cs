using System.Text.Json;

namespace Panah.Matching;

/// <summary>Saving and loading a trained model, so a service can start without training again.</summary>
public sealed partial class MatchModel
{
    private const int FormatVersion = 2;

    /// <summary>Writes the model (m, u, prior, threshold and value frequencies) as UTF-8 JSON.</summary>
    public void Save(Stream stream) => Write(stream, frequencies: true);

    /// <summary>
    /// Writes m, u, prior and threshold only, without the value frequencies: those are names and birth places, so this
    /// form holds nothing personal and may be kept in a database. <see cref="Load"/> reads it back without frequencies;
    /// <see cref="OnlineIndex.Build"/> counts them over the records it indexes.
    /// </summary>
    public void SaveParameters(Stream stream) => Write(stream, frequencies: false);

    /// <summary>True for a model loaded from <see cref="SaveParameters"/>: its value frequencies are still to be counted over
    /// the registry (<see cref="OnlineIndex.Build"/> does), and until then every value weighs the average.</summary>
    public bool NeedsFrequencies { get; private init; }

    /// <summary>The same m, u, prior and threshold with these value frequencies.</summary>
    internal MatchModel WithFrequencies(TermFrequencies frequencies) => new(Prior, _m, _u, frequencies, Threshold);

    private void Write(Stream stream, bool frequencies)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteNumber("version", FormatVersion);
        json.WriteNumber("prior", Prior);
        json.WriteNumber("threshold", Threshold);
        WriteTable(json, "m", _m);
        WriteTable(json, "u", _u);
        if (frequencies)
        {
            WriteCounts(json, "names", Frequencies.Names, Frequencies.NameTotal);
            WriteCounts(json, "places", Frequencies.Places, Frequencies.PlaceTotal);
        }

        json.WriteEndObject();
    }

    /// <summary>Reads a model written by <see cref="Save"/> or <see cref="SaveParameters"/> (then without frequencies).</summary>
    /// <exception cref="InvalidDataException">The stream does not hold a model of this format.</exception>
    public static MatchModel Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        if (!root.TryGetProperty("version", out var version) || version.GetInt32() != FormatVersion)
            throw new InvalidDataException("Not a Panah match model of a known version.");
        var m = ReadTable(root.GetProperty("m"));
        var u = ReadTable(root.GetProperty("u"));
        for (var f = 0; f < FieldLevels.FieldCount; f++)
        {
            if (m.Length != FieldLevels.FieldCount || m[f].Length != FieldLevels.Count(f) || u[f].Length != FieldLevels.Count(f))
                throw new InvalidDataException("The model's fields or levels do not match this version of Panah.Matching.");
        }

        var prior = root.GetProperty("prior").GetDouble();
        var threshold = root.GetProperty("threshold").GetDouble();
        if (!root.TryGetProperty("names", out var namesElement) || !root.TryGetProperty("places", out var placesElement))
            return new MatchModel(prior, m, u, TermFrequencies.Empty, threshold) { NeedsFrequencies = true };
        var (names, nameTotal) = ReadCounts(namesElement);
        var (places, placeTotal) = ReadCounts(placesElement);
        return new MatchModel(prior, m, u, new TermFrequencies(names, nameTotal, places, placeTotal), threshold);
    }

    private static void WriteTable(Utf8JsonWriter json, string name, double[][] table)
    {
        json.WriteStartArray(name);
        foreach (var row in table)
        {
            json.WriteStartArray();
            foreach (var v in row)
                json.WriteNumberValue(v);
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    private static double[][] ReadTable(JsonElement element) =>
        element.EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();

    private static void WriteCounts(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, int> counts, int total)
    {
        json.WriteStartObject(name);
        json.WriteNumber("total", total);
        json.WriteStartObject("counts");
        foreach (var (value, count) in counts)
            json.WriteNumber(value, count);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static (Dictionary<string, int> Counts, int Total) ReadCounts(JsonElement element)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var property in element.GetProperty("counts").EnumerateObject())
            counts[property.Name] = property.Value.GetInt32();
        return (counts, element.GetProperty("total").GetInt32());
    }
}
