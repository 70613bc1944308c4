using System.Text;

namespace HostawaySync.Engine.Queries;

/// <summary>PowerShell wildcards (<c>*</c>, <c>?</c>) as SQL LIKE patterns (escape character <c>\</c>); LIKE ignores ASCII case.</summary>
internal static class SqlPatterns
{
    public static string Like(string wildcard)
    {
        var like = new StringBuilder(wildcard.Length + 4);
        foreach (var c in wildcard)
        {
            like.Append(c switch
            {
                '*' => "%",
                '?' => "_",
                '%' or '_' or '\\' => "\\" + c,
                _ => c.ToString(),
            });
        }

        return like.ToString();
    }
}
