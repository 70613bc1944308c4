namespace HostawaySync.Engine.Tests.Configuration;

/// <summary>Tests that set or depend on process environment variables: they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ProcessEnvironment
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Process environment";
}
