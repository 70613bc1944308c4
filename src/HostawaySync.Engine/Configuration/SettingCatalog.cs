using System.Globalization;
using System.Text.Json;
using HostawaySync.Engine.Api;

namespace HostawaySync.Engine.Configuration;

/// <summary>Every HostawaySync setting, in the order users see them.</summary>
public static class SettingCatalog
{
    /// <summary>The database file.</summary>
    public const string DatabasePath = nameof(DatabasePath);

    /// <summary>A PostgreSQL database to use in place of the SQLite file.</summary>
    public const string DatabaseUrl = nameof(DatabaseUrl);

    /// <summary>The root folder of the conversation text files.</summary>
    public const string ConversationsPath = nameof(ConversationsPath);

    /// <summary>The API root.</summary>
    public const string BaseUrl = nameof(BaseUrl);

    /// <summary>The request budget per 10 seconds.</summary>
    public const string RequestsPer10Seconds = nameof(RequestsPer10Seconds);

    /// <summary>Whether listing photo URLs and metadata are stored.</summary>
    public const string StorePhotoMetadata = nameof(StorePhotoMetadata);

    /// <summary>Whether a run without -Full or -Incremental does a full sync when nothing has been synced yet.</summary>
    public const string SyncFullOnStart = nameof(SyncFullOnStart);

    /// <summary>Whether runs without -Full or -Incremental after the first are incremental (otherwise full).</summary>
    public const string SyncIncrementalDaily = nameof(SyncIncrementalDaily);

    /// <summary>How old the last successful sync must be before -IfDue syncs again.</summary>
    public const string SyncIntervalHours = nameof(SyncIntervalHours);

    /// <summary>How old the last full or reconcile pass may grow before an automatic run reconciles instead of running incrementally.</summary>
    public const string ReconcileIntervalHours = nameof(ReconcileIntervalHours);

    /// <summary>The environment variable of <see cref="ReconcileIntervalHours"/>.</summary>
    public const string ReconcileIntervalHoursVariable = "HOSTAWAY_RECONCILE_INTERVAL_HOURS";

    /// <summary>How far back an incremental sync looks past its cursor.</summary>
    public const string IncrementalOverlapMinutes = nameof(IncrementalOverlapMinutes);

    /// <summary>How many days before the previous pass an incremental reviews pass reads again, by departure date.</summary>
    public const string ReviewWindowDays = nameof(ReviewWindowDays);

    /// <summary>The environment variable of <see cref="ReviewWindowDays"/>.</summary>
    public const string ReviewWindowDaysVariable = "HOSTAWAY_REVIEW_WINDOW_DAYS";

    /// <summary>All settings.</summary>
    public static IReadOnlyList<SettingDefinition> All { get; } =
    [
        new(DatabasePath, typeof(string), null, DataPaths.DatabasePathVariable,
            "The SQLite database file. Default: {data folder}/data/database/hostaway.db.", raw => PathValue(raw)),
        new(DatabaseUrl, typeof(string), null, DataPaths.DatabaseUrlVariable,
            "A PostgreSQL database to store into instead of the SQLite file: postgresql://user@host:port/database?schema=hostaway or Host=...;Database=.... When set it wins over DatabasePath (a -DatabasePath parameter still wins over it). The password belongs in PGPASSWORD or a pgpass file; it is never shown and never saved.",
            raw => DatabaseUrlValue(raw)) { Sensitive = true },
        new(ConversationsPath, typeof(string), null, DataPaths.ConversationsPathVariable,
            "The root folder of the conversation text files. Default: {data folder}/data/conversations.", raw => PathValue(raw)),
        new(BaseUrl, typeof(string), HostawayClientOptions.DefaultBaseUrl.AbsoluteUri, HostawayClientOptions.BaseUrlVariable,
            "The Hostaway API root, an absolute http(s) URL.", raw => UrlValue(raw)),
        new(RequestsPer10Seconds, typeof(object), HostawayClientOptions.AutoBudget, HostawayClientOptions.RequestsPer10SecondsVariable,
            "Requests the client may start per 10 seconds: auto (the default) finds the account's limit (Hostaway has published 15 per IP and 20 per account, and since 2026-08-20 200 of each; only a 429 names it), keeps it with the sync state and spends about 90% of it; a number from 1 to 1000 turns discovery off and is obeyed exactly.",
            raw => BudgetValue(raw)),
        new(StorePhotoMetadata, typeof(bool), true, null,
            "Store listing photo URLs and metadata (photos are never downloaded).", raw => BoolValue(raw)),
        new(SyncFullOnStart, typeof(bool), true, null,
            "A run without -Full or -Incremental does a full sync when nothing has been synced yet; when off, such a run fails with HostawayFullSyncRequired until a full sync is run explicitly.", raw => BoolValue(raw)),
        new(SyncIncrementalDaily, typeof(bool), true, null,
            "Runs without -Full or -Incremental after the first are incremental; when off they are full (every run reconciles deletions).", raw => BoolValue(raw)),
        new(SyncIntervalHours, typeof(double), 24.0, null,
            "Invoke-HostawaySync -IfDue does nothing when the last successful sync is younger than this many hours (0.1 to 8760).", raw => DoubleValue(raw, 0.1, 8760)),
        new(ReconcileIntervalHours, typeof(double), 168.0, ReconcileIntervalHoursVariable,
            "A run without -Full, -Incremental or -Reconcile reconciles (every list page, deletions included; messages only where they changed) instead of running incrementally when the last full or reconcile pass of its reservations or conversations is older than this many hours (0 to 87600; 0 = never).",
            raw => DoubleValue(raw, 0, 87600)),
        new(IncrementalOverlapMinutes, typeof(int), 60, null,
            "How far back (minutes) an incremental sync looks past its cursor, to catch changes stamped late (0 to 1440).", raw => IntValue(raw, 0, 1440)),
        new(ReviewWindowDays, typeof(int), 90, ReviewWindowDaysVariable,
            "Reviews carry no update time, so an incremental run reads again every review whose stay departed up to this many days before the previous run (7 to 3650): the channels' review periods (Airbnb 14 days, Booking.com 28) and the host's 30 days to respond fit in the default 90. A reconcile or full run reads every review.",
            raw => IntValue(raw, 7, 3650)),
    ];

    /// <summary>The setting called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static SettingDefinition? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    private static string Text(object raw) => raw switch
    {
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString()!,
        JsonElement element => element.GetRawText(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => raw.ToString() ?? string.Empty,
    };

    private static string PathValue(object raw)
    {
        var text = Text(raw).Trim();
        if (text.Length == 0 || text.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            throw new FormatException("not a usable path.");
        }

        return text;
    }

    private static string DatabaseUrlValue(object raw)
    {
        var text = Text(raw).Trim();
        try
        {
            Store.Postgres.PostgresUrl.Parse(text);
        }
        catch (Errors.HostawayException exception)
        {
            // The engine's message never quotes the text; SettingDefinition hides the raw value of a sensitive setting.
            throw new FormatException(exception.Message, exception);
        }

        return text;
    }

    private static string UrlValue(object raw)
    {
        var text = Text(raw).Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new FormatException("not an absolute http(s) URL such as https://api.hostaway.com/v1/.");
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri.AbsoluteUri : uri.AbsoluteUri + "/";
    }

    private static bool BoolValue(object raw) => raw switch
    {
        bool flag => flag,
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False } => false,
        _ => Text(raw).Trim().ToUpperInvariant() switch
        {
            "TRUE" or "1" or "YES" or "ON" => true,
            "FALSE" or "0" or "NO" or "OFF" => false,
            _ => throw new FormatException("not true or false."),
        },
    };

    /// <summary>"auto", or a whole number of requests.</summary>
    private static object BudgetValue(object raw) =>
        raw is not int && string.Equals(Text(raw).Trim(), HostawayClientOptions.AutoBudget, StringComparison.OrdinalIgnoreCase)
            ? HostawayClientOptions.AutoBudget
            : IntValue(raw, 1, 1000);

    private static int IntValue(object raw, int minimum, int maximum)
    {
        var value = raw is int number ? number : int.Parse(Text(raw).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
        return value >= minimum && value <= maximum
            ? value
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"outside {minimum} to {maximum}."));
    }

    private static double DoubleValue(object raw, double minimum, double maximum)
    {
        var value = raw is double number ? number : double.Parse(Text(raw).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
        return value >= minimum && value <= maximum
            ? value
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"outside {minimum} to {maximum}."));
    }
}
