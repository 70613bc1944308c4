using System.Net;
using HostawaySync.Simulator.Http;
using HostawaySync.Simulator.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HostawaySync.Simulator;

/// <summary>
/// A faithful fake of the Hostaway REST API on Kestrel, bound to 127.0.0.1 only. It generates a deterministic
/// account from a seed, serves it with the real API's envelopes, paging, quirks, rate limits and auth, injects
/// faults on demand, mutates the account like real use does, and exposes the ground truth for assertions.
/// All members are thread-safe and may be called while requests are in flight.
/// </summary>
public sealed class HostawaySimulator : IAsyncDisposable
{
    private readonly SimulatorCore _core;
    private readonly WebApplication _app;
    private int _disposed;

    private HostawaySimulator(SimulatorCore core, WebApplication app, Uri root)
    {
        _core = core;
        _app = app;
        BaseUrl = new Uri(root, "v1/");
        ControlUrl = new Uri(root, "_control/");
    }

    /// <summary>The API root, e.g. <c>http://127.0.0.1:41234/v1/</c> (with the trailing slash).</summary>
    public Uri BaseUrl { get; }

    /// <summary>The control surface root, e.g. <c>http://127.0.0.1:41234/_control/</c>.</summary>
    public Uri ControlUrl { get; }

    /// <summary>The account id, which is also the OAuth client_id.</summary>
    public long AccountId => _core.Context.AccountId;

    /// <summary>The OAuth client secret.</summary>
    public string ClientSecret => _core.ClientSecret;

    /// <summary>The current run-time settings.</summary>
    public SimulatorSettings Settings => _core.Settings;

    /// <summary>The simulated clock's current instant (UTC); every timestamp the API writes comes from it.</summary>
    public DateTime UtcNow => _core.Clock.UtcNow;

    /// <summary>Generates the account and starts serving it.</summary>
    public static Task<HostawaySimulator> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default) =>
        StartAsync(options, logWarningsToStandardError: false, cancellationToken);

    /// <summary>Starts a simulator; the program mode passes true so Kestrel's warnings reach stderr, never stdout.</summary>
    internal static async Task<HostawaySimulator> StartAsync(SimulatorOptions options, bool logWarningsToStandardError, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535, nameof(options));
        var core = await Task.Run(() => new SimulatorCore(options, TimeProvider.System), cancellationToken);
        try
        {
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            builder.Logging.ClearProviders();
            if (logWarningsToStandardError)
            {
                builder.Logging.SetMinimumLevel(LogLevel.Warning)
                    .AddSimpleConsole(o => o.SingleLine = true)
                    .AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(level => level >= LogLevel.Warning);
                builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            }

            builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
            {
                k.AddServerHeader = false;
                k.Listen(IPAddress.Loopback, options.Port);
            });
            builder.Services.AddSingleton<IHostLifetime, QuietHostLifetime>();
            var app = builder.Build();
            var pipeline = new RequestPipeline(core);
            app.Run(pipeline.HandleAsync);
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new HostawaySimulator(core, app, new Uri(address.TrimEnd('/') + "/"));
        }
        catch
        {
            core.Dispose();
            throw;
        }
    }

    /// <summary>Changes the run-time settings atomically; <paramref name="change"/> may run more than once under contention.</summary>
    public void UpdateSettings(Func<SimulatorSettings, SimulatorSettings> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _core.UpdateSettings(change);
    }

    /// <summary>Request statistics since start or the last <see cref="ResetStats"/>.</summary>
    public SimulatorStats GetStats() => _core.GetStats();

    /// <summary>Starts the statistics from zero.</summary>
    public void ResetStats() => _core.Stats.Reset();

    /// <summary>Revokes every issued token; clients get HTTP 403 until they mint a new one.</summary>
    public void RevokeAllTokens() => _core.Tokens.RevokeAll();

    /// <summary>
    /// Revokes one token server-side, as if it had expired or been revoked elsewhere: its next use gets HTTP 403. Returns
    /// whether it was live (unknown or already revoked tokens are ignored).
    /// </summary>
    public bool RevokeToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return _core.Tokens.Revoke(token);
    }

    /// <summary>Whether <paramref name="token"/> was issued by this simulator and is still live (not revoked).</summary>
    public bool IsTokenLive(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return _core.Tokens.IsLive(token);
    }

    /// <summary>Changes the account the way real accounts change and reports every affected id.</summary>
    public MutationReport Mutate(MutationRequest request) => _core.Mutate(request);

    /// <summary>Moves the simulated clock forward.</summary>
    public void AdvanceClock(TimeSpan by) => _core.Clock.Advance(by);

    /// <summary>A full snapshot of the account as the API serves it (fine for Tiny to Medium; Large is big).</summary>
    public GroundTruth GetGroundTruth() => GroundTruthBuilder.Build(_core.Snapshot);

    /// <summary>Live object counts; cheap even for Large.</summary>
    public GroundTruthCounts GetCounts() => _core.GetCounts();

    /// <summary>Stops serving: stalled requests end at once, then Kestrel shuts down.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _core.BeginShutdown();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
        _core.Dispose();
    }
}
