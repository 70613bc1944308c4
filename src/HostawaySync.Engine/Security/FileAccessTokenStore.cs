using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HostawaySync.Engine.Api;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Security;

/// <summary>
/// The access tokens the client minted, kept per account in <c>tokens.json</c> in the configuration folder (next to the
/// credential file), protected like the stored secret: DPAPI on Windows, an owner-only file on Linux and macOS. A file or
/// folder others can read is refused with HostawaySecretFileShared, as the credential file is.
/// </summary>
public sealed class FileAccessTokenStore : IAccessTokenStore
{
    /// <summary>The file's name in the configuration folder.</summary>
    public const string FileName = "tokens.json";

    private readonly SecretFile _file;
    private readonly string? _secret;
    private readonly TimeProvider _time;

    /// <param name="folder">The folder of the file; null: the configuration folder.</param>
    /// <param name="secret">
    /// The API secret the tokens are minted with: a token saved under another secret is not returned (a changed secret mints
    /// a new token instead of running on one minted with the old). Only a salted SHA-256 of it is kept. Null: no check.
    /// </param>
    /// <param name="time">The clock that stamps saved tokens.</param>
    public FileAccessTokenStore(string? folder = null, string? secret = null, TimeProvider? time = null)
    {
        _file = new SecretFile(Path.Combine(folder ?? SecretFile.DefaultFolder, FileName), "access token file");
        _secret = secret;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The token file's full path (it need not exist).</summary>
    public string FilePath => _file.Path;

    /// <inheritdoc />
    public string? Load(string accountId)
    {
        if (_file.Read()?["accounts"]?[accountId] is not JsonObject entry || SecretFile.Text(entry, "token") is not { Length: > 0 } stored
            || (_secret is not null && SecretFile.Text(entry, "secretHash") != SecretHash(accountId, _secret)))
        {
            return null;
        }

        return SecretProtection.Unprotect(stored, SecretFile.Text(entry, "protection") ?? SecretProtection.FileModeScheme, FilePath);
    }

    /// <inheritdoc />
    public void Save(string accountId, string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentException.ThrowIfNullOrEmpty(token);
        var document = _file.Read() ?? [];
        if (document["accounts"] is not JsonObject accounts)
        {
            accounts = [];
            document["accounts"] = accounts;
        }

        accounts[accountId] = new JsonObject
        {
            ["protection"] = SecretProtection.Scheme,
            ["token"] = SecretProtection.Protect(token),
            ["savedAt"] = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["secretHash"] = _secret is null ? null : SecretHash(accountId, _secret),
        };
        _file.Write(document);
    }

    /// <summary>
    /// The token kept for <paramref name="accountId"/> under another secret than this store's (the API secret was changed
    /// since it was minted), removed from the file so the caller can revoke it; null when there is none. Without a secret
    /// nothing is stale.
    /// </summary>
    public string? TakeStale(string accountId)
    {
        if (_secret is null || _file.Read()?["accounts"]?[accountId] is not JsonObject entry || SecretFile.Text(entry, "token") is not { Length: > 0 } stored
            || SecretFile.Text(entry, "secretHash") == SecretHash(accountId, _secret))
        {
            return null;
        }

        var token = SecretProtection.Unprotect(stored, SecretFile.Text(entry, "protection") ?? SecretProtection.FileModeScheme, FilePath);
        Delete(accountId);
        return token;
    }

    /// <inheritdoc />
    /// <remarks>A file others could read is deleted whole: the tokens in it are no longer secret.</remarks>
    public void Delete(string accountId)
    {
        JsonObject? document;
        try
        {
            document = _file.Read();
        }
        catch (HostawayException exception) when (exception.ErrorId == ErrorIds.SecretFileShared)
        {
            _file.Delete();
            return;
        }

        if (document?["accounts"] is not JsonObject accounts || !accounts.Remove(accountId))
        {
            return;
        }

        if (accounts.Count == 0)
        {
            _file.Delete();
        }
        else
        {
            _file.Write(document);
        }
    }

    private static string SecretHash(string accountId, string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("HostawaySync token binding\0" + accountId + "\0" + secret)));
}
