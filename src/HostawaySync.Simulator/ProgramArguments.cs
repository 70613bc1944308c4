using System.Globalization;

namespace HostawaySync.Simulator;

/// <summary>Command-line parsing for the program mode.</summary>
internal static class ProgramArguments
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "--port", "--seed", "--size", "--listings", "--reservations", "--messages-per-conversation", "--account-id",
        "--secret", "--rate-limits", "--account-rate", "--ip-rate", "--latency-ms", "--fault-rate", "--faults", "--stall-ms", "--token-warmup-ms",
        "--count", "--page-cap", "--offset-ceiling", "--offset-ceiling-mode", "--page-fields", "--move-row-every",
    };

    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--freeze-clock", "--page-cap-in-envelope" };

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
          --rate-limits documented|revised|none  published limit set: documented = 15/10 s per IP and 20/10 s
                                         per account (default); revised = 200/10 s per IP and per account
          --account-rate N               requests per 10 s per account (0 = off; overrides --rate-limits)
          --ip-rate N                    requests per 10 s per IP (0 = off; overrides --rate-limits)
          --latency-ms N                 latency added to every /v1 request (default 0)
          --fault-rate X                 share of /v1 requests that fail, 0..1 (default 0)
          --faults LIST                  comma-separated: ServerError,TruncatedBody,Stall,ConnectionReset,All
          --stall-ms N                   how long a stall holds a request (default 120000)
          --token-warmup-ms N            how long a new token needs before it works (default 1000)
          --freeze-clock                 the simulated clock moves only when told to
          --count total|remaining|absent what list envelopes' count says (default total)
          --page-cap N                   most rows per list page, and the page size without limit (default 100)
          --page-cap-in-envelope         echo the applied page size as limit when the cap cut the request
          --offset-ceiling N             offset paging serves no row at position N or later (0 = none; default 0)
          --offset-ceiling-mode empty|error  past the ceiling: an empty page or HTTP 400 (default empty)
          --page-fields normal|missing|wrong  page/totalPages of conversations and messages (default normal)
          --move-row-every N             every N-th mid-pass list request moves a row ahead of it (0 = off; default 0)
          --help                         show this text
        The first line written to stdout is the API base URL. Stop with Ctrl+C or SIGTERM.
        """;

    /// <summary>Parses the arguments; returns null with an error message when they are invalid.</summary>
    public static SimulatorOptions? Parse(IReadOnlyList<string> args, out string? error, out bool help)
    {
        error = null;
        help = false;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                help = true;
                return null;
            }

            if (Flags.Contains(name))
            {
                flags.Add(name);
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
            return Build(values, flags);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            error = ex.Message;
            return null;
        }
    }

    private static SimulatorOptions Build(Dictionary<string, string> values, HashSet<string> flags)
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
        var defaults = new SimulatorSettings().WithRateLimits(RateLimits(values.GetValueOrDefault("--rate-limits")));
        var settings = defaults with
        {
            AccountRequestsPer10Seconds = Int(values, "--account-rate") ?? defaults.AccountRequestsPer10Seconds,
            IpRequestsPer10Seconds = Int(values, "--ip-rate") ?? defaults.IpRequestsPer10Seconds,
            Latency = Millis(values, "--latency-ms") ?? defaults.Latency,
            FaultRate = values.TryGetValue("--fault-rate", out var rate) ? double.Parse(rate, NumberStyles.Float, CultureInfo.InvariantCulture) : 0,
            Faults = values.TryGetValue("--faults", out var faults) ? ParseFaults(faults) : defaults.Faults,
            StallDuration = Millis(values, "--stall-ms") ?? defaults.StallDuration,
            TokenWarmup = Millis(values, "--token-warmup-ms") ?? defaults.TokenWarmup,
            Count = Choice(values, "--count", defaults.Count),
            MaxPageSize = AtLeast(values, "--page-cap", 1) ?? defaults.MaxPageSize,
            PageCapInEnvelope = flags.Contains("--page-cap-in-envelope"),
            OffsetCeiling = AtLeast(values, "--offset-ceiling", 0) ?? defaults.OffsetCeiling,
            OffsetCeilingBehaviour = Choice(values, "--offset-ceiling-mode", defaults.OffsetCeilingBehaviour),
            PageFields = Choice(values, "--page-fields", defaults.PageFields),
            MoveRowEvery = AtLeast(values, "--move-row-every", 0) ?? defaults.MoveRowEvery,
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
            FreezeClock = flags.Contains("--freeze-clock"),
        };
    }

    private static RateLimitPreset RateLimits(string? text) => text?.ToLowerInvariant() switch
    {
        null or "documented" => RateLimitPreset.Documented,
        "revised" => RateLimitPreset.Revised,
        "none" or "unlimited" => RateLimitPreset.Unlimited,
        _ => throw new ArgumentException($"Unknown value '{text}' for --rate-limits; use documented, revised or none."),
    };

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

    /// <summary>An enum value by name, ignoring case; numbers are refused (they would pass Enum.TryParse).</summary>
    private static T Choice<T>(Dictionary<string, string> values, string name, T fallback)
        where T : struct, Enum
    {
        if (!values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        var names = Enum.GetNames<T>();
        return names.FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) is { } match
            ? Enum.Parse<T>(match)
            : throw new ArgumentException($"Unknown value '{text}' for {name}; use {string.Join(", ", names.Select(n => n.ToLowerInvariant()))}.");
    }

    /// <summary>An integer option with a lower bound, with a message that names the option.</summary>
    private static int? AtLeast(Dictionary<string, string> values, string name, int min)
    {
        if (!values.TryGetValue(name, out var text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new ArgumentException($"{name} must be an integer of at least {min}, not '{text}'.");
    }

    private static int? Int(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var text) ? int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : null;

    private static TimeSpan? Millis(Dictionary<string, string> values, string name) =>
        Int(values, name) is { } ms ? TimeSpan.FromMilliseconds(ms) : null;
}
