using System.Text.Json;
using System.Text.Json.Nodes;
using HostawaySync.Simulator.Json;

namespace HostawaySync.Simulator.Tests.Infrastructure;

/// <summary>
/// The key set and value kinds an object must have, derived from an official sample object.
/// Kinds: JSON object, array, string, number (0/1 flags are numbers), boolean (true and false are one kind), null.
/// Tolerances, each one explicit:
/// - a field that is null in the sample must have the kind the docs give it (<see cref="SampleNullKinds"/>) or be null;
/// - a field that has a value in the sample may be null only when the docs say it can be (<see cref="MayBeNull"/>);
/// - <see cref="KindOverrides"/> replace a sample's kind where the README documents that real data differs.
/// </summary>
internal sealed class ObjectContract
{
    public required string Name { get; init; }

    public required JsonObject Sample { get; init; }

    public IReadOnlyList<ExtraField> Extras { get; init; } = [];

    public IReadOnlyDictionary<string, JsonValueKind> SampleNullKinds { get; init; } = new Dictionary<string, JsonValueKind>();

    public IReadOnlyDictionary<string, JsonValueKind> KindOverrides { get; init; } = new Dictionary<string, JsonValueKind>();

    public required Func<string, bool> MayBeNull { get; init; }

    public static JsonValueKind Kind(JsonNode? node) => node switch
    {
        null => JsonValueKind.Null,
        JsonObject => JsonValueKind.Object,
        JsonArray => JsonValueKind.Array,
        _ => node.GetValueKind() is JsonValueKind.False ? JsonValueKind.True : node.GetValueKind(),
    };

    /// <summary>Adds a line to <paramref name="errors"/> for every difference.</summary>
    public void Check(JsonObject actual, string where, List<string> errors)
    {
        var expected = Sample.Select(p => p.Key).Concat(Extras.Select(e => e.Name)).ToHashSet(StringComparer.Ordinal);
        var present = actual.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(expected.Except(present).Select(k => $"{Name} {where}: missing key '{k}'"));
        errors.AddRange(present.Except(expected).Select(k => $"{Name} {where}: unexpected key '{k}'"));

        foreach (var (key, sampleValue) in Sample)
        {
            if (!actual.TryGetPropertyValue(key, out var value))
            {
                continue;
            }

            var sampleKind = Kind(sampleValue);
            JsonValueKind wanted;
            if (KindOverrides.TryGetValue(key, out var overridden))
            {
                wanted = overridden;
            }
            else if (sampleKind == JsonValueKind.Null)
            {
                if (!SampleNullKinds.TryGetValue(key, out wanted))
                {
                    errors.Add($"{Name}: the test has no documented kind for sample-null field '{key}'");
                    continue;
                }
            }
            else
            {
                wanted = sampleKind;
            }

            var kind = Kind(value);
            var nullOk = sampleKind == JsonValueKind.Null || MayBeNull(key);
            if (kind != wanted && !(kind == JsonValueKind.Null && nullOk))
            {
                errors.Add($"{Name} {where}: '{key}' is {kind}, expected {wanted}{(nullOk ? " or Null" : string.Empty)}");
            }
        }

        foreach (var extra in Extras)
        {
            if (actual.TryGetPropertyValue(extra.Name, out var value))
            {
                var kind = Kind(value);
                if (kind != extra.Kind && !(kind == JsonValueKind.Null && extra.Nullable))
                {
                    errors.Add($"{Name} {where}: extra '{extra.Name}' is {kind}, expected {extra.Kind}");
                }
            }
        }
    }
}
