namespace HostawaySync.Simulator;

/// <summary>How the <c>page</c>/<c>totalPages</c> of conversation and message envelopes are served.</summary>
public enum PageFieldsMode
{
    /// <summary>1-based <c>page</c> and <c>totalPages</c> from the applied page size (the default).</summary>
    Normal,

    /// <summary>Neither field is sent.</summary>
    Missing,

    /// <summary>A 0-based <c>page</c> and <c>totalPages</c> from the requested <c>limit</c>, not the applied one.</summary>
    Wrong,
}
