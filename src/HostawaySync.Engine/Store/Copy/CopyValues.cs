using System.Globalization;

namespace HostawaySync.Engine.Store.Copy;

/// <summary>
/// Converts column values between SQLite's storage (integers, reals, text) and the CLR values both stores' copy code
/// exchange, one per <see cref="CopyColumnKind"/>. Every conversion is exact both ways for what HostawaySync writes:
/// times are whole seconds in <see cref="StoreClock"/>'s text, dates yyyy-MM-dd, flags 0 or 1, and a real goes to
/// numeric through its shortest round-trip text, so SQLite → PostgreSQL → SQLite gives back the same values. A value
/// that cannot be converted without changing it is refused (<see cref="FormatException"/>), never guessed at.
/// </summary>
internal static class CopyValues
{
    private const string SecondsFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    private const string FractionFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";
    private const string DateFormat = "yyyy-MM-dd";
    private static readonly string[] TimestampFormats = [SecondsFormat, FractionFormat];

    /// <summary>The kind of a PostgreSQL column, from information_schema's data_type.</summary>
    public static CopyColumnKind KindOf(string postgresType) => postgresType switch
    {
        "bigint" => CopyColumnKind.BigInt,
        "integer" => CopyColumnKind.Integer,
        "double precision" => CopyColumnKind.Double,
        "numeric" => CopyColumnKind.Numeric,
        "text" => CopyColumnKind.Text,
        "timestamp with time zone" => CopyColumnKind.Timestamp,
        "date" => CopyColumnKind.Date,
        "boolean" => CopyColumnKind.Boolean,
        "jsonb" => CopyColumnKind.Json,
        _ => throw new InvalidOperationException($"The copy does not know the PostgreSQL type '{postgresType}'."),
    };

    /// <summary>A value SQLite returned (long, double, string or byte[]) as the kind's CLR value.</summary>
    public static object FromSqlite(object value, CopyColumnKind kind) => kind switch
    {
        CopyColumnKind.Raw => value,
        CopyColumnKind.BigInt => ToInt64(value),
        CopyColumnKind.Integer => checked((int)ToInt64(value)),
        CopyColumnKind.Double => value switch
        {
            double real => real,
            long integer => (double)integer,
            _ => throw Unexpected(value, "a number"),
        },
        CopyColumnKind.Numeric => value switch
        {
            long integer => (decimal)integer,
            // The shortest text that reads back as the same double: 0.1 stays 0.1, not 0.1000000000000000055...
            double real when double.IsFinite(real) => decimal.Parse(real.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture),
            string text when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            _ => throw Unexpected(value, "a finite number"),
        },
        CopyColumnKind.Text => value switch
        {
            string text => text,
            long integer => integer.ToString(CultureInfo.InvariantCulture),
            double real => real.ToString("R", CultureInfo.InvariantCulture),
            _ => throw Unexpected(value, "text"),
        },
        CopyColumnKind.Timestamp => value is string text ? ParseTimestamp(text) : throw Unexpected(value, "a time as text"),
        CopyColumnKind.Date => value is string text ? ParseDate(text) : throw Unexpected(value, "a date as text"),
        CopyColumnKind.Boolean => value switch
        {
            0L => false,
            1L => true,
            _ => throw Unexpected(value, "0 or 1"),
        },
        CopyColumnKind.Json => value is string json ? json : throw Unexpected(value, "JSON text"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>A kind's CLR value as SQLite stores it.</summary>
    public static object ToSqlite(object value, CopyColumnKind kind) => kind switch
    {
        CopyColumnKind.Integer => (long)(int)value,
        CopyColumnKind.Numeric => double.Parse(((decimal)value).ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture),
        CopyColumnKind.Timestamp => FormatTimestamp((DateTime)value),
        CopyColumnKind.Date => ((DateOnly)value).ToString(DateFormat, CultureInfo.InvariantCulture),
        CopyColumnKind.Boolean => (bool)value ? 1L : 0L,
        _ => value,
    };

    /// <summary>A time as the SQLite store writes it: whole seconds as <see cref="StoreClock"/> does, a fraction only when there is one.</summary>
    public static string FormatTimestamp(DateTime value)
    {
        var utc = DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, DateTimeKind.Utc);
        return utc.ToString(utc.Ticks % TimeSpan.TicksPerSecond == 0 ? SecondsFormat : FractionFormat, CultureInfo.InvariantCulture);
    }

    /// <summary>Store time text as a UTC instant: the store's own format exactly, else any ISO-8601 form (UTC unless it says otherwise).</summary>
    public static DateTime ParseTimestamp(string text) =>
        DateTime.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var exact)
            ? DateTime.SpecifyKind(exact, DateTimeKind.Utc)
            : StoreClock.Parse(text) ?? throw new FormatException($"'{Shorten(text)}' is not a time.");

    /// <summary>Store date text (yyyy-MM-dd), or a time at midnight, as a date.</summary>
    public static DateOnly ParseDate(string text)
    {
        if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return StoreClock.Parse(text) is { TimeOfDay.Ticks: 0 } midnight
            ? DateOnly.FromDateTime(midnight)
            : throw new FormatException($"'{Shorten(text)}' is not a date.");
    }

    private static long ToInt64(object value) => value switch
    {
        long integer => integer,
        double real when real == Math.Floor(real) && real is >= long.MinValue and <= long.MaxValue => (long)real,
        string text when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw Unexpected(value, "an integer"),
    };

    private static FormatException Unexpected(object value, string expected) => new(value switch
    {
        string text => $"'{Shorten(text)}' is not {expected}.",
        byte[] blob => $"a blob of {blob.Length} bytes is not {expected}.",
        _ => string.Create(CultureInfo.InvariantCulture, $"{value} is not {expected}."),
    });

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
