using System.Security.Cryptography;
using System.Text;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Engine.Security;

/// <summary>
/// How HostawaySync protects the secrets it keeps on disk (the stored API secret and the kept access token). On Windows they
/// are encrypted with DPAPI for the current user (only this user on this machine can decrypt them); on Linux and macOS they
/// are stored as they are, in files only their owner can read (0600 in a 0700 folder, see <see cref="OwnerOnlyFiles"/>), the
/// convention of ssh and the cloud CLIs.
/// </summary>
public static class SecretProtection
{
    /// <summary>The scheme written next to a secret protected with DPAPI.</summary>
    public const string DpapiScheme = "DPAPI";

    /// <summary>The scheme written next to a secret kept as it is, protected by the owner-only file mode.</summary>
    public const string FileModeScheme = "FileMode";

    private static readonly byte[] Entropy = "HostawaySync secret v1"u8.ToArray();

    /// <summary>The scheme this platform uses: DPAPI on Windows, FileMode on Linux and macOS.</summary>
    public static string Scheme => OperatingSystem.IsWindows() ? DpapiScheme : FileModeScheme;

    /// <summary>What <see cref="Scheme"/> means, for people: where the protection comes from.</summary>
    public static string Describe(string scheme) => scheme == DpapiScheme
        ? "encrypted with DPAPI for the current Windows user"
        : "readable by its owner only (file 0600, folder 0700)";

    /// <summary>The secret as it is stored (base64 text) under <see cref="Scheme"/>.</summary>
    public static string Protect(string secret)
    {
        var bytes = Encoding.UTF8.GetBytes(secret);
        if (OperatingSystem.IsWindows())
        {
            bytes = ProtectedData.Protect(bytes, Entropy, DataProtectionScope.CurrentUser);
        }

        return Convert.ToBase64String(bytes);
    }

    /// <summary>The secret back from what <see cref="Protect"/> stored under <paramref name="scheme"/>.</summary>
    /// <exception cref="HostawayException">HostawayStoredCredentialUnreadable when it cannot be decoded or decrypted (another user's or machine's DPAPI, a damaged file).</exception>
    public static string Unprotect(string stored, string scheme, string file)
    {
        try
        {
            var bytes = Convert.FromBase64String(stored);
            if (scheme == DpapiScheme)
            {
                if (!OperatingSystem.IsWindows())
                {
                    throw Unreadable(file, "it was encrypted with DPAPI on Windows and cannot be decrypted on this system", null);
                }

                bytes = ProtectedData.Unprotect(bytes, Entropy, DataProtectionScope.CurrentUser);
            }
            else if (scheme != FileModeScheme)
            {
                throw Unreadable(file, $"its protection '{scheme}' is not one this version knows", null);
            }

            return Encoding.UTF8.GetString(bytes);
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            throw Unreadable(file, "the protected secret in it cannot be decoded or decrypted (another user's or machine's file?)", exception);
        }
    }

    /// <summary>The error for a secret file that cannot be read.</summary>
    internal static HostawayException Unreadable(string file, string reason, Exception? inner) => new(
        ErrorIds.StoredCredentialUnreadable, ErrorKind.StoreUnusable,
        $"The file '{file}' cannot be used: {reason}.",
        "Store the credential again with Set-HostawayCredential (it replaces the file), or remove it with Remove-HostawayCredential.", file, inner);
}
