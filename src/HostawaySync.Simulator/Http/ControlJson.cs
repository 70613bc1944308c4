using System.Text.Json;
using System.Text.Json.Serialization;

namespace HostawaySync.Simulator.Http;

/// <summary>JSON settings of the control surface: camelCase, enums as names, TimeSpan as "hh:mm:ss[.fffffff]".</summary>
internal static class ControlJson
{
    /// <summary>The serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
