using System.Text.Json.Nodes;

namespace HostawaySync.Simulator.Tests.Infrastructure;

/// <summary>Reads the official sample objects (never copied into the repository).</summary>
internal static class Samples
{
    public static JsonObject Load(string fileName)
    {
        var path = Path.Combine(RepoPaths.SamplesDirectory ?? throw new InvalidOperationException("No samples folder."), fileName);
        return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
    }
}
