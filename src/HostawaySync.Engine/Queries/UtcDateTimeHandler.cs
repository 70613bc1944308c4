using System.Data;
using System.Globalization;
using Dapper;

namespace HostawaySync.Engine.Queries;

/// <summary>
/// Reads the store's UTC timestamps (SQLite's text, PostgreSQL's timestamptz) and dates (SQLite's text, PostgreSQL's
/// date, which Npgsql reads as <see cref="DateOnly"/>) as <see cref="DateTimeKind.Utc"/> values. Without it Dapper converts each
/// column with the type it saw in the first row, so a timestamp that is NULL in the first row (typed as a blob by
/// SQLite) broke every later row that had one.
/// </summary>
internal sealed class UtcDateTimeHandler : SqlMapper.TypeHandler<DateTime>
{
    private static int _registered;

    /// <summary>Registers the handler with Dapper once (Dapper's handlers are global to its copy, which is the engine's own).</summary>
    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            SqlMapper.AddTypeHandler(new UtcDateTimeHandler());
        }
    }

    /// <inheritdoc />
    public override DateTime Parse(object value) => value switch
    {
        DateTime time => time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime(),
        DateOnly date => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        string text => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        byte[] bytes => Parse(System.Text.Encoding.UTF8.GetString(bytes)),
        _ => DateTime.SpecifyKind(Convert.ToDateTime(value, CultureInfo.InvariantCulture), DateTimeKind.Utc),
    };

    /// <inheritdoc />
    public override void SetValue(IDbDataParameter parameter, DateTime value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        parameter.Value = value;
    }
}
