using System.Text.Json;
using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator.Json;

/// <summary>Writes the API's value conventions: 0/1 flags, naive timestamps, explicit nulls.</summary>
internal static class JsonWriting
{
    /// <summary>A string, or JSON null.</summary>
    public static void StringOrNull(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>A number, or JSON null.</summary>
    public static void NumberOrNull(this Utf8JsonWriter writer, string name, double? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>An integer, or JSON null.</summary>
    public static void NumberOrNull(this Utf8JsonWriter writer, string name, long? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, value.Value);
        }
    }

    /// <summary>A boolean as the API sends most of them: the integer 0 or 1.</summary>
    public static void Flag(this Utf8JsonWriter writer, string name, bool value) => writer.WriteNumber(name, value ? 1 : 0);

    /// <summary>A nullable 0/1 flag.</summary>
    public static void FlagOrNull(this Utf8JsonWriter writer, string name, bool? value) =>
        writer.NumberOrNull(name, value is null ? null : value.Value ? 1L : 0L);

    /// <summary>A <c>YYYY-MM-DD HH:MM:SS</c> timestamp, or null.</summary>
    public static void Timestamp(this Utf8JsonWriter writer, string name, DateTime? value) =>
        writer.StringOrNull(name, value is null ? null : Timestamps.Format(value.Value));

    /// <summary>A <c>YYYY-MM-DD</c> date, or null.</summary>
    public static void Date(this Utf8JsonWriter writer, string name, DateOnly? value) =>
        writer.StringOrNull(name, value is null ? null : Timestamps.Format(value.Value));

    /// <summary>An empty array.</summary>
    public static void EmptyArray(this Utf8JsonWriter writer, string name)
    {
        writer.WriteStartArray(name);
        writer.WriteEndArray();
    }
}
