using System.Globalization;
using System.Text.RegularExpressions;
using HostawaySync.Engine.Errors;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// A PostgreSQL database and the schema HostawaySync owns in it. <see cref="ToString"/> names the server, database,
/// user and schema for messages, and never the password, which only <see cref="ConnectionString"/> carries.
/// </summary>
/// <param name="ConnectionString">The Npgsql connection string (keyword form), password included.</param>
/// <param name="Host">The server's host.</param>
/// <param name="Port">The server's port.</param>
/// <param name="Database">The database.</param>
/// <param name="User">The user HostawaySync connects as.</param>
/// <param name="Schema">The schema name: lower-case letters, digits and underscores, so SQL and BI tools can write it unquoted.</param>
internal sealed partial record PostgresTarget(string ConnectionString, string Host, int Port, string Database, string User, string Schema)
{
    /// <summary>The schema HostawaySync uses when none is configured.</summary>
    public const string DefaultSchema = "hostaway";

    /// <summary>The schema as an SQL identifier. Identifiers cannot be parameters; <see cref="Parse"/> allows only safe names.</summary>
    public string QuotedSchema => "\"" + Schema + "\"";

    /// <summary>Reads a keyword connection string; refuses a malformed one or an unusable schema name without echoing the string (it may hold a password).</summary>
    public static PostgresTarget Parse(string connectionString, string schema)
    {
        if (!SchemaName().IsMatch(schema ?? string.Empty) || schema!.StartsWith("pg_", StringComparison.Ordinal))
        {
            throw new HostawayException(
                ErrorIds.ConfigurationInvalid, ErrorKind.InvalidArgument,
                $"'{schema}' cannot be the PostgreSQL schema of HostawaySync.",
                "Use 1 to 63 lower-case letters, digits and underscores, starting with a letter or underscore and not with 'pg_' (the default is 'hostaway').", schema);
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException)
        {
            // The inner exception is dropped on purpose: its message can quote the string, password and all.
            throw new HostawayException(
                ErrorIds.ConfigurationInvalid, ErrorKind.InvalidArgument,
                "The PostgreSQL connection string cannot be read: it must be keyword form such as 'Host=db.example.com;Database=hostaway;Username=sync;Password=...'.",
                "Correct the connection string; every keyword must be one Npgsql knows.", "PostgreSQL connection string");
        }

        builder.ApplicationName ??= "HostawaySync";
        var host = string.IsNullOrEmpty(builder.Host) ? "localhost" : builder.Host;
        var user = string.IsNullOrEmpty(builder.Username) ? Environment.UserName : builder.Username;
        var database = string.IsNullOrEmpty(builder.Database) ? user : builder.Database;
        return new PostgresTarget(builder.ConnectionString, host, builder.Port, database, user, schema)
        {
            HasPassword = !string.IsNullOrEmpty(builder.Password),
            SslMode = builder.SslMode,
        };
    }

    /// <summary>Whether the connection string carries a password (otherwise Npgsql may find one in PGPASSWORD or a pgpass file).</summary>
    public bool HasPassword { get; private init; }

    /// <summary>The SSL mode asked for.</summary>
    public SslMode SslMode { get; private init; }

    /// <summary>The target as a <c>postgresql://</c> URL without the password: safe to show, log and pass along a pipeline.</summary>
    public string SafeUrl
    {
        get
        {
            var host = Host.Contains(':', StringComparison.Ordinal) && !Host.StartsWith('[') ? "[" + Host + "]" : Host;
            var url = string.Create(
                CultureInfo.InvariantCulture,
                $"postgresql://{Uri.EscapeDataString(User)}@{host}:{Port}/{Uri.EscapeDataString(Database)}?schema={Schema}");
            return SslMode == SslMode.Prefer ? url : url + "&sslmode=" + PostgresUrl.SslModeName(SslMode);
        }
    }

    /// <summary>Names the server, database, user and schema, never the password.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"PostgreSQL database '{Database}' on {Host}:{Port} (user '{User}', schema '{Schema}')");

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
