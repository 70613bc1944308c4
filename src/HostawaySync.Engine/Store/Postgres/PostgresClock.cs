namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// Converts at the boundary between the store contract, which speaks the SQLite store's ISO time text
/// (<see cref="StoreClock"/>), and PostgreSQL's timestamptz, which Npgsql reads and writes as UTC <see cref="DateTime"/>.
/// Values go in at the second SQLite keeps, so both stores compare and report the same instants.
/// </summary>
internal static class PostgresClock
{
    /// <summary>A store time text as a UTC instant (null stays null).</summary>
    public static DateTime? Utc(string? text) => StoreClock.Parse(text);

    /// <summary>An API time as the UTC instant, to the second, that the SQLite store would keep as text.</summary>
    public static DateTime? Utc(DateTime? value) => StoreClock.Parse(StoreClock.Format(value));

    /// <summary>SQL that reads a timestamptz column back as store time text (whatever the session's time zone).</summary>
    public static string Text(string column) => $"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";

    /// <summary>SQL that reads a date column back as store date text.</summary>
    public static string DateText(string column) => $"to_char({column}, 'YYYY-MM-DD')";
}
