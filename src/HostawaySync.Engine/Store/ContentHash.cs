using System.Security.Cryptography;
using System.Text;

namespace HostawaySync.Engine.Store;

/// <summary>Fingerprint of an object's raw JSON: an unchanged object is never rewritten, so a repeated sync changes nothing.</summary>
internal static class ContentHash
{
    public static string Of(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        var buffer = length <= 4096 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(text, buffer);
        SHA256.HashData(buffer[..written], hash);
        return Convert.ToHexString(hash[..16]);
    }
}
