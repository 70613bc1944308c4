namespace HostawaySync.Simulator;

/// <summary>The kinds of failure the simulator can inject into <c>/v1</c> requests.</summary>
[Flags]
public enum FaultKinds
{
    /// <summary>No fault kind enabled.</summary>
    None = 0,

    /// <summary>HTTP 500, 502 or 503 with an HTML body, as a load balancer or crashed backend sends it.</summary>
    ServerError = 1,

    /// <summary>Headers announce the full Content-Length, part of the JSON body follows, then the connection drops.</summary>
    TruncatedBody = 2,

    /// <summary>The request is held for <see cref="SimulatorSettings.StallDuration"/>, then answered normally.</summary>
    Stall = 4,

    /// <summary>The connection is aborted before any response byte is sent.</summary>
    ConnectionReset = 8,

    /// <summary>Every fault kind.</summary>
    All = ServerError | TruncatedBody | Stall | ConnectionReset,
}
