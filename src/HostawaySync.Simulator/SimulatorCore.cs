using HostawaySync.Simulator.Generation;
using HostawaySync.Simulator.Http;
using HostawaySync.Simulator.Model;
using HostawaySync.Simulator.Mutation;
using HostawaySync.Simulator.Util;

namespace HostawaySync.Simulator;

/// <summary>
/// The state one simulator instance shares between its HTTP pipeline and its public facade. Nothing here is
/// static, so several simulators run side by side in one process.
/// </summary>
internal sealed class SimulatorCore : IDisposable
{
    private readonly Lock _mutationLock = new();
    private readonly CancellationTokenSource _shutdown = new();
    private AccountSnapshot _snapshot;
    private SimulatorSettings _settings;
    private int _mutations;
    private int _moves;

    /// <summary>Generates the account and prepares the services.</summary>
    public SimulatorCore(SimulatorOptions options, TimeProvider time)
    {
        options.Dataset.Validate();
        options.Settings.Validate();
        Context = new DatasetContext(options.Seed, options.AccountId, options.Dataset);
        ClientSecret = options.ClientSecret;
        Clock = new SimulatedClock(options.Dataset.ClockStart, options.FreezeClock);
        _snapshot = DatasetGenerator.Generate(Context);
        _settings = options.Settings;
        Tokens = new TokenStore(Context, time);
        Limiter = new SlidingWindowLimiter(time);
        Faults = new FaultInjector(options.Seed);
    }

    /// <summary>Seed, account id and dataset options.</summary>
    public DatasetContext Context { get; }

    /// <summary>The OAuth client secret.</summary>
    public string ClientSecret { get; }

    /// <summary>The simulated clock.</summary>
    public SimulatedClock Clock { get; }

    /// <summary>Issued tokens.</summary>
    public TokenStore Tokens { get; }

    /// <summary>Rate limits.</summary>
    public SlidingWindowLimiter Limiter { get; }

    /// <summary>Fault decisions.</summary>
    public FaultInjector Faults { get; }

    /// <summary>Request statistics.</summary>
    public StatsCollector Stats { get; } = new();

    /// <summary>Cancelled when the simulator shuts down, so stalled requests end.</summary>
    public CancellationToken ShutdownToken => _shutdown.Token;

    /// <summary>The current account state.</summary>
    public AccountSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>The current settings.</summary>
    public SimulatorSettings Settings => Volatile.Read(ref _settings);

    /// <summary>Replaces the settings atomically (compare-and-swap, so concurrent changes are not lost).</summary>
    public SimulatorSettings UpdateSettings(Func<SimulatorSettings, SimulatorSettings> change)
    {
        while (true)
        {
            var current = Settings;
            var next = change(current) ?? throw new InvalidOperationException("The settings change returned null.");
            next.Validate();
            if (ReferenceEquals(Interlocked.CompareExchange(ref _settings, next, current), current))
            {
                return next;
            }
        }
    }

    /// <summary>Applies a mutation; mutations are serialized, readers never wait.</summary>
    public MutationReport Mutate(MutationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_mutationLock)
        {
            var number = ++_mutations;
            var seed = request.Seed ?? (int)StableHash.Of(Context.Seed, HashTags.Mutation, number);
            var (next, report) = Mutator.Apply(Snapshot, request, seed, Clock.UtcNow);
            Volatile.Write(ref _snapshot, next);
            return report;
        }
    }

    /// <summary>Which mid-pass list requests move a row.</summary>
    public MoveSchedule Moves { get; } = new();

    /// <summary>
    /// Moves a row to the front of its list (serialized with mutations) and returns the new snapshot, or null
    /// when a concurrent mutation removed the row.
    /// </summary>
    public AccountSnapshot? MoveRow(RowMove move)
    {
        lock (_mutationLock)
        {
            // Negative numbers keep the move seeds apart from those of Mutate calls without a seed.
            var seed = (int)StableHash.Of(Context.Seed, HashTags.Mutation, -++_moves);
            if (Mutator.Move(Snapshot, move, seed, Clock.UtcNow) is not { } next)
            {
                return null;
            }

            Volatile.Write(ref _snapshot, next);
            Stats.RowMoved();
            return next;
        }
    }

    /// <summary>The request statistics, with the live tokens of the account as they are now.</summary>
    public SimulatorStats GetStats() => Stats.Snapshot() with { LiveTokens = Tokens.LiveCount(Context.AccountId) };

    /// <summary>Live counts, without rendering anything.</summary>
    public GroundTruthCounts GetCounts()
    {
        var snapshot = Snapshot;
        var sentByConversation = new Dictionary<long, int>(snapshot.Conversations.Length);
        foreach (var conversation in snapshot.Conversations)
        {
            sentByConversation.Add(conversation.Id, conversation.SentCount);
        }

        return new GroundTruthCounts(
            snapshot.Listings.Length,
            snapshot.Reservations.Length,
            snapshot.Conversations.Length,
            snapshot.MessageCount,
            snapshot.SentMessageCount,
            sentByConversation,
            snapshot.Reviews.Length);
    }

    /// <summary>Starts the shutdown: stalled requests end now.</summary>
    public void BeginShutdown() => _shutdown.Cancel();

    /// <inheritdoc/>
    public void Dispose() => _shutdown.Dispose();
}
