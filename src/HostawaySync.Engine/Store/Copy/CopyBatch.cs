using System.Data.Common;
using System.Globalization;

namespace HostawaySync.Engine.Store.Copy;

/// <summary>Reads one batch of a table from a copy's source, whichever store: the statement, its parameters, and the rows' values.</summary>
internal static class CopyBatch
{
    /// <summary>
    /// Up to <paramref name="limit"/> rows in key order after <paramref name="afterKey"/>, each value through
    /// <paramref name="read"/> (null for NULL). A value it refuses becomes HostawayCopyValueInvalid naming the row.
    /// </summary>
    /// <param name="command">A command on the source's connection and snapshot transaction.</param>
    /// <param name="source">The source, for the error.</param>
    /// <param name="table">The table.</param>
    /// <param name="columns">Its columns, in the order the rows hold them.</param>
    /// <param name="afterKey">The key values of the previous batch's last row; null for the first batch.</param>
    /// <param name="limit">The batch size.</param>
    /// <param name="keyValue">A key value as the store takes it as a parameter.</param>
    /// <param name="read">A column's value (never NULL) as its kind's CLR value.</param>
    public static List<object?[]> Read(
        DbCommand command, StoreLocation source, CopyTable table, IReadOnlyList<CopyColumn> columns, object[]? afterKey, int limit,
        Func<object, CopyColumnKind, object> keyValue, Func<DbDataReader, int, CopyColumnKind, object> read)
    {
        command.CommandText = CopySql.SelectBatch(table, columns, afterKey is not null);
        Add(command, CopySql.LimitParameter, limit);
        for (var i = 0; afterKey is not null && i < afterKey.Length; i++)
        {
            Add(command, CopySql.KeyParameter(i), keyValue(afterKey[i], columns.First(c => c.Name == table.Key[i]).Kind));
        }

        var rows = new List<object?[]>(limit);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var row = new object?[columns.Count];
            for (var i = 0; i < row.Length; i++)
            {
                if (reader.IsDBNull(i))
                {
                    continue;
                }

                try
                {
                    row[i] = read(reader, i, columns[i].Kind);
                }
                catch (Exception exception) when (exception is FormatException or OverflowException or InvalidCastException)
                {
                    var key = string.Join(", ", table.Key.Select(k => k + " = " + Convert.ToString(reader.GetValue(reader.GetOrdinal(k)), CultureInfo.InvariantCulture)));
                    throw CopyErrors.ValueInvalid(source, table.Name, columns[i].Name, key, exception);
                }
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a connection just opened, which it keeps on success; on failure the connection is
    /// closed and a failure of the store becomes its user-facing error.
    /// </summary>
    public static T OnNewConnection<TConnection, T>(TConnection connection, Func<Exception, Errors.HostawayException?> asStoreError, Func<TConnection, T> work)
        where TConnection : IDisposable
    {
        try
        {
            return work(connection);
        }
        catch (Exception exception) when (asStoreError(exception) is { } error)
        {
            connection.Dispose();
            throw error;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
