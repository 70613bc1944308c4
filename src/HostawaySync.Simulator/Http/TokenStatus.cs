namespace HostawaySync.Simulator.Http;

/// <summary>What a bearer token turned out to be.</summary>
internal enum TokenStatus
{
    /// <summary>Usable.</summary>
    Valid,

    /// <summary>No bearer token sent.</summary>
    Missing,

    /// <summary>Never issued by this simulator.</summary>
    Unknown,

    /// <summary>Revoked.</summary>
    Revoked,

    /// <summary>Issued less than the warm-up time ago.</summary>
    WarmingUp,
}
