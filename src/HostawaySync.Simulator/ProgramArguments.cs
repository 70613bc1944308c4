using System.Globalization;

namespace HostawaySync.Simulator;

/// <summary>Command-line parsing for the program mode.</summary>
internal static class ProgramArguments
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "--port", "--seed", "--size", "--listings", "--reservations", "--messages-per-conversation", "--account-id",
        "--secret", "--account-rate", "--ip-rate", "--latency-ms", "--fault-rate", "--faults", "--stall-ms", "--token-warmup-ms",
    };

    /// <summary>The usage text.</summary>
    public const string Usage = """
        Usage: HostawaySync.Simulator [options]
          --port N                       TCP port on 127.0.0.1 (0 = any free port; default 0)
          --seed N                       data seed (default 42)
          --size tiny|small|medium|large data set preset (default small)
          --listings N                   override the preset's listing count
          --reservations N               override the preset's reservation count
          --messages-per-conversation N  override the preset's average messages per conversation
          --account-id N                 account id / OAuth client_id (default 10450)
          --secret S                     OAuth client_secret (default simulator-secret)
          --account-rate N               requests per 10 s per account (0 = off; default 20)
          --ip-rate N                    requests per 10 s per IP (0 = off; default 15)
          --latency-ms N                 latency added to every /v1 request (default 0)
          --fault-rate X                 share of /v1 requests that fail, 0..1 (default 0)
          --faults LIST                  comma-separated: ServerError,TruncatedBody,Stall,ConnectionReset,All
          --stall-ms N                   how long a stall holds a request (default 120000)
          --token-warmup-ms N            how long a new token needs before it works (default 1000)
          --freeze-clock                 the simulated clock moves only when told to
          --help                         show this text
        The first line written to stdout is the API base URL. Stop with Ctrl+C or SIGTERM.
        """;

    /// <summary>Parses the arguments; returns null with an error message when they are invalid.</summary>
    public static SimulatorOptions? Parse(IReadOnlyList<string> args, out string? error, out bool help)
    {
        error = null;
        help = false;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var freeze = false;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                help = true;
                return null;
            }

            if (name == "--freeze-clock")
            {
                freeze = true;
                continue;
            }

            if (!Known.Contains(name))
            {
                error = $"Unknown argument '{name}'.";
                return null;
            }

            if (i + 1 >= args.Count)
            {
                error = $"Missing value for {name}.";
                return null;
            }

            values[name] = args[++i];
        }

        try
        {
            return Build(values, freeze);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            error = ex.Message;
            return null;
        }
    }

    private static SimulatorOptions Build(Dictionary<string, string> values, bool freeze)
    {
        var dataset = (values.GetValueOrDefault("--size") ?? "small").ToLowerInvariant() switch
        {
            "tiny" => DatasetOptions.Tiny,
            "small" => DatasetOptions.Small,
            "medium" => DatasetOptions.Medium,
            "large" => DatasetOptions.Large,
            var other => throw new ArgumentException($"Unknown size '{other}'; use tiny, small, medium or large."),
        };
        dataset = dataset with
        {
            Listings = Int(values, "--listings") ?? dataset.Listings,
            Reservations = Int(values, "--reservations") ?? dataset.Reservations,
            AverageMessagesPerConversation = Int(values, "--messages-per-conversation") ?? dataset.AverageMessagesPerConversation,
        };
        dataset.Validate();
        var defaults = new SimulatorSettings();
        var settings = defaults with
        {
            AccountRequestsPer10Seconds = Int(values, "--account-rate") ?? defaults.AccountRequestsPer10Seconds,
            IpRequestsPer10Seconds = Int(values, "--ip-rate") ?? defaults.IpRequestsPer10Seconds,
            Latency = Millis(values, "--latency-ms") ?? defaults.Latency,
            FaultRate = values.TryGetValue("--fault-rate", out var rate) ? double.Parse(rate, NumberStyles.Float, CultureInfo.InvariantCulture) : 0,
            Faults = values.TryGetValue("--faults", out var faults) ? ParseFaults(faults) : defaults.Faults,
            StallDuration = Millis(values, "--stall-ms") ?? defaults.StallDuration,
            TokenWarmup = Millis(values, "--token-warmup-ms") ?? defaults.TokenWarmup,
        };
        settings.Validate();
        var port = Int(values, "--port") ?? 0;
        if (port is < 0 or > 65535)
        {
            throw new ArgumentException("--port must be between 0 and 65535.");
        }

        return new SimulatorOptions
        {
            Port = port,
            Seed = Int(values, "--seed") ?? 42,
            Dataset = dataset,
            AccountId = values.TryGetValue("--account-id", out var account) ? long.Parse(account, NumberStyles.None, CultureInfo.InvariantCulture) : 10450,
            ClientSecret = values.GetValueOrDefault("--secret") ?? "simulator-secret",
            Settings = settings,
            FreezeClock = freeze,
        };
    }

    private static FaultKinds ParseFaults(string text)
    {
        var kinds = FaultKinds.None;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            kinds |= Enum.TryParse<FaultKinds>(part.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var kind)
                && Enum.IsDefined(kind)
                ? kind
                : throw new ArgumentException($"Unknown fault kind '{part}'.");
        }

        return kinds;
    }

    private static int? Int(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var text) ? int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : null;

    private static TimeSpan? Millis(Dictionary<string, string> values, string name) =>
        Int(values, name) is { } ms ? TimeSpan.FromMilliseconds(ms) : null;
}
