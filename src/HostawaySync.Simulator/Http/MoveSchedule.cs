namespace HostawaySync.Simulator.Http;

/// <summary>
/// Counts mid-pass requests per list endpoint for <see cref="SimulatorSettings.MoveRowEvery"/>. Per endpoint, so a
/// client that pages several lists at once still sees every list move on schedule.
/// </summary>
internal sealed class MoveSchedule
{
    private readonly long[] _midPassRequests = new long[Enum.GetValues<ApiRoute>().Length];

    /// <summary>Counts one mid-pass request of <paramref name="route"/>; true when it is an <paramref name="every"/>-th one.</summary>
    public bool IsDue(ApiRoute route, int every) =>
        every > 0 && Interlocked.Increment(ref _midPassRequests[(int)route]) % every == 0;
}
