using Npgsql;
using NpgsqlTypes;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// The positional parameters ($1, $2, ... in the order added) of a statement that writes many rows at once, such as
/// <c>INSERT ... SELECT ... FROM unnest($2, $3, ...)</c>: a value shared by every row, or a column as one typed array of
/// the rows' values. One statement then costs one round trip and one plan however many rows it carries.
/// </summary>
/// <typeparam name="TRow">What each row is made from.</typeparam>
internal sealed class PostgresRowArrays<TRow>(NpgsqlCommand command, IReadOnlyCollection<TRow> rows)
{
    /// <summary>Adds a column: every row's value, as an array of <paramref name="type"/>.</summary>
    public PostgresRowArrays<TRow> Column<T>(Func<TRow, T> value, NpgsqlDbType type)
    {
        command.Parameters.Add(new NpgsqlParameter<T[]> { TypedValue = rows.Select(row => Storable(value(row), type)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | type });
        return this;
    }

    /// <summary>Adds one value that every row shares.</summary>
    public PostgresRowArrays<TRow> Value<T>(T value, NpgsqlDbType type)
    {
        command.Parameters.Add(new NpgsqlParameter<T> { TypedValue = Storable(value, type), NpgsqlDbType = type });
        return this;
    }

    // Text and JSON without NUL, which PostgreSQL cannot store (see PostgresText).
    private static T Storable<T>(T value, NpgsqlDbType type) => value is string text
        ? (T)(object)(type == NpgsqlDbType.Jsonb ? PostgresText.CleanJson(text)! : PostgresText.Clean(text)!)
        : value;
}
