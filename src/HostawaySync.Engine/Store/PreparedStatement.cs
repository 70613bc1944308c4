using Microsoft.Data.Sqlite;

namespace HostawaySync.Engine.Store;

/// <summary>
/// A SQL statement prepared once and executed many times with positional values (<c>$p0</c>, <c>$p1</c>, ...),
/// the store's hot write path. Values are always parameters, never spliced into the SQL.
/// </summary>
internal sealed class PreparedStatement : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public PreparedStatement(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameterCount)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        _parameters = new SqliteParameter[parameterCount];
        for (var i = 0; i < parameterCount; i++)
        {
            _parameters[i] = _command.Parameters.Add(new SqliteParameter("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
        }

        _command.Prepare();
    }

    public int Execute(params object?[] values)
    {
        Bind(values);
        return _command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row, or null when there is no row or the value is NULL.</summary>
    public object? Scalar(params object?[] values)
    {
        Bind(values);
        return _command.ExecuteScalar() is { } value and not DBNull ? value : null;
    }

    private void Bind(object?[] values)
    {
        if (values.Length != _parameters.Length)
        {
            throw new ArgumentException($"The statement takes {_parameters.Length} values, not {values.Length}.", nameof(values));
        }

        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                bool flag => flag ? 1 : 0,
                decimal number => (double)number,
                var value => value,
            };
        }
    }

    public void Dispose() => _command.Dispose();
}
