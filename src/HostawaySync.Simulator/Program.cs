using System.Globalization;
using System.Runtime.InteropServices;

namespace HostawaySync.Simulator;

/// <summary>
/// Program mode: serve a simulator until Ctrl+C or SIGTERM. The first stdout line is exactly the API base URL,
/// so scripts can start it with <c>--port 0</c> and read where it listens.
/// </summary>
internal static class Program
{
    /// <summary>Entry point; exit code 0 after a clean stop, 2 for bad arguments, 1 when it cannot start.</summary>
    public static async Task<int> Main(string[] args)
    {
        var options = ProgramArguments.Parse(args, out var error, out var help);
        if (help)
        {
            Console.Out.WriteLine(ProgramArguments.Usage);
            return 0;
        }

        if (options is null)
        {
            await Console.Error.WriteLineAsync(error);
            await Console.Error.WriteLineAsync(ProgramArguments.Usage);
            return 2;
        }

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        HostawaySimulator simulator;
        try
        {
            simulator = await HostawaySimulator.StartAsync(options, logWarningsToStandardError: true, CancellationToken.None);
        }
        catch (IOException ex)
        {
            await Console.Error.WriteLineAsync("Cannot start the simulator: " + ex.Message);
            return 1;
        }

        await using (simulator)
        {
            var counts = simulator.GetCounts();
            var culture = CultureInfo.InvariantCulture;
            Console.Out.WriteLine(simulator.BaseUrl.ToString());
            Console.Out.WriteLine(string.Format(culture, "Account id:     {0}", simulator.AccountId));
            Console.Out.WriteLine(string.Format(culture, "Client secret:  {0}", simulator.ClientSecret));
            Console.Out.WriteLine(string.Format(
                culture,
                "Data:           {0} listings, {1} reservations, {2} conversations, {3} messages ({4} sent)",
                counts.Listings,
                counts.Reservations,
                counts.Conversations,
                counts.Messages,
                counts.SentMessages));
            Console.Out.WriteLine(string.Format(culture, "Control URL:    {0}", simulator.ControlUrl));
            Console.Out.WriteLine(string.Format(culture, "Simulated now:  {0:yyyy-MM-dd HH:mm:ss} UTC", simulator.UtcNow));
            Console.Out.WriteLine("Press Ctrl+C to stop.");
            await stop.Task;
        }

        return 0;
    }
}
