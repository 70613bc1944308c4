using System.Data.Common;
using System.Globalization;
using HostawaySync.Engine.Errors;
using Npgsql;

namespace HostawaySync.Engine.Store.Postgres;

/// <summary>
/// Reads the two ways a user names a PostgreSQL database: a URL,
/// <c>postgresql://user[:password]@host[:port]/database[?schema=name&amp;sslmode=...]</c> (the libpq form; <c>postgres://</c>
/// too), and Npgsql's keyword form (<c>Host=...;Database=...</c>, plus <c>Schema=name</c>, which is HostawaySync's). Errors
/// never quote the text given, which may hold a password.
/// </summary>
internal static class PostgresUrl
{
    // The libpq URL parameters HostawaySync passes on, each with the Npgsql keyword it becomes.
    private static readonly Dictionary<string, string> Parameters = new(StringComparer.Ordinal)
    {
        ["sslmode"] = "SSL Mode",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslpassword"] = "SSL Password",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["options"] = "Options",
        ["passfile"] = "Passfile",
        ["target_session_attrs"] = "Target Session Attributes",
        ["host"] = "Host",
        ["port"] = "Port",
        ["user"] = "Username",
        ["password"] = "Password",
        ["dbname"] = "Database",
    };

    /// <summary>Whether the text is a URL (rather than the keyword form).</summary>
    public static bool IsUrl(string text) =>
        text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a URL or a keyword connection string.</summary>
    /// <exception cref="HostawayException">HostawayConfigurationInvalid.</exception>
    public static PostgresTarget Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Invalid("it is empty.");
        }

        text = text.Trim();
        var (connectionString, schema) = IsUrl(text) ? FromUrl(text) : FromKeywords(text);
        return PostgresTarget.Parse(connectionString, schema ?? PostgresTarget.DefaultSchema);
    }

    /// <summary>The libpq name of an SSL mode (<c>verify-full</c>...).</summary>
    public static string SslModeName(SslMode mode) => mode switch
    {
        SslMode.VerifyCA => "verify-ca",
        SslMode.VerifyFull => "verify-full",
        _ => mode.ToString().ToLowerInvariant(),
    };

    private static (string ConnectionString, string? Schema) FromUrl(string url)
    {
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var fragment = rest.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            rest = rest[..fragment];
        }

        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var query = queryStart >= 0 ? rest[(queryStart + 1)..] : string.Empty;
        rest = queryStart >= 0 ? rest[..queryStart] : rest;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash >= 0 ? rest[..slash] : rest;
        var database = slash >= 0 ? Decode(rest[(slash + 1)..], "database name") : string.Empty;

        var builder = new NpgsqlConnectionStringBuilder();
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            authority = authority[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Decode(colon >= 0 ? userInfo[..colon] : userInfo, "user name");
            if (user.Length > 0)
            {
                builder.Username = user;
            }

            if (colon >= 0)
            {
                builder.Password = Decode(userInfo[(colon + 1)..], "password");
            }
        }

        var (host, port) = HostAndPort(authority);
        if (host.Length > 0)
        {
            builder.Host = host;
        }

        if (port is { } number)
        {
            builder.Port = number;
        }

        if (database.Length > 0)
        {
            builder.Database = database;
        }

        string? schema = null;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals >= 0 ? pair[..equals] : pair, "parameter name");
            var value = equals >= 0 ? Decode(pair[(equals + 1)..], "parameter value") : string.Empty;
            if (string.Equals(name, "schema", StringComparison.Ordinal))
            {
                schema = value;
                continue;
            }

            if (!Parameters.TryGetValue(name, out var keyword))
            {
                throw Invalid(
                    $"its parameter '{name}' is not one HostawaySync knows.",
                    "Use schema, sslmode, sslrootcert, sslcert, sslkey, sslpassword, application_name, connect_timeout, options, passfile or target_session_attrs; or give an Npgsql keyword connection string instead.");
            }

            try
            {
                builder[keyword] = keyword == "SSL Mode" ? value.Replace("-", string.Empty, StringComparison.Ordinal) : value;
            }
            catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                throw Invalid(keyword == "Password" ? "its password parameter cannot be read." : $"its parameter '{name}' has a value Npgsql does not accept.");
            }
        }

        return (builder.ConnectionString, schema);
    }

    private static (string Host, int? Port) HostAndPort(string authority)
    {
        if (authority.Length == 0)
        {
            return (string.Empty, null);
        }

        string host;
        string? port = null;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw Invalid("its IPv6 host has no closing ']'.");
            }

            host = authority[1..close];
            var after = authority[(close + 1)..];
            if (after.Length > 0)
            {
                port = after.StartsWith(':') ? after[1..] : throw Invalid("it has text after the IPv6 host that is not a port.");
            }
        }
        else
        {
            if (authority.Contains(',', StringComparison.Ordinal))
            {
                throw Invalid("it names several hosts.", "Give one host; for failover use the keyword form (Host=a,b;...).");
            }

            var colon = authority.LastIndexOf(':');
            host = colon >= 0 ? authority[..colon] : authority;
            port = colon >= 0 ? authority[(colon + 1)..] : null;
        }

        if (port is null || port.Length == 0)
        {
            return (Decode(host, "host"), null);
        }

        return int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and < 65536
            ? (Decode(host, "host"), number)
            : throw Invalid("its port is not a number from 1 to 65535.");
    }

    private static (string ConnectionString, string? Schema) FromKeywords(string text)
    {
        if (!text.Contains('=', StringComparison.Ordinal))
        {
            throw Invalid("it is neither a postgresql:// URL nor a keyword connection string (Host=...;Database=...).");
        }

        var generic = new DbConnectionStringBuilder();
        try
        {
            generic.ConnectionString = text;
        }
        catch (ArgumentException)
        {
            throw Invalid("its keyword=value pairs cannot be read.");
        }

        string? schema = null;
        foreach (var key in generic.Keys.Cast<string>().ToList())
        {
            if (string.Equals(key, "schema", StringComparison.OrdinalIgnoreCase))
            {
                schema = generic[key]?.ToString();
                generic.Remove(key);
            }
        }

        return (generic.ConnectionString, schema);
    }

    private static string Decode(string text, string what)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            throw Invalid($"its {what} is not properly percent-encoded.");
        }
    }

    private static HostawayException Invalid(string reason, string? action = null) => new(
        ErrorIds.ConfigurationInvalid, ErrorKind.InvalidArgument,
        "The PostgreSQL database URL cannot be read: " + reason,
        action ?? "Give a URL such as 'postgresql://sync@db.example.com:5432/hostaway?schema=hostaway' (percent-encode special characters in the user name and password), or a keyword connection string such as 'Host=db.example.com;Database=hostaway;Username=sync'.",
        "DatabaseUrl");
}
