namespace HostawaySync.Simulator.Tests.Infrastructure;

/// <summary>
/// A fact that needs the official sample files. Without them it is reported as skipped, with the reason,
/// instead of passing silently.
/// </summary>
public sealed class SamplesFactAttribute : FactAttribute
{
    public SamplesFactAttribute()
    {
        if (RepoPaths.SamplesDirectory is null)
        {
            Skip = "The Hostaway sample objects are not available: neither HOSTAWAY_SAMPLES_PATH nor "
                + "../shared/hostaway-api/samples (next to the folder holding HostawaySync.sln) exists.";
        }
    }
}
