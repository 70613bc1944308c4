namespace HostawaySync.Engine.Conversations;

/// <summary>The checks behind <see cref="ConversationPaths"/>: root normalization, relative-path syntax, symbolic links.</summary>
internal static class ConversationRoot
{
    public static string Normalize(string root)
    {
        if (string.IsNullOrWhiteSpace(root))
        {
            throw ConversationErrors.RootInvalid(root ?? string.Empty, null);
        }

        try
        {
            var full = Path.GetFullPath(root);
            return Path.TrimEndingDirectorySeparator(full);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw ConversationErrors.RootInvalid(root, ex);
        }
    }

    /// <summary>Splits a relative path into segments, refusing anything that is not a plain path below the root.</summary>
    public static string[] CheckRelative(string relativePath, string root)
    {
        if (string.IsNullOrEmpty(relativePath))
        {
            throw ConversationErrors.OutsideRoot(relativePath ?? string.Empty, root, "it is empty");
        }

        if (relativePath[0] is '/' or '\\' || Path.IsPathRooted(relativePath))
        {
            throw ConversationErrors.OutsideRoot(relativePath, root, "it is an absolute path");
        }

        var segments = relativePath.Split('/', '\\');
        foreach (var segment in segments)
        {
            var reason = SegmentProblem(segment);
            if (reason is not null)
            {
                throw ConversationErrors.OutsideRoot(relativePath, root, reason);
            }
        }

        return segments;
    }

    /// <summary>Refuses a path whose existing parts include a symbolic link (or junction) that leads outside the root.</summary>
    public static void CheckLinks(ConversationPaths paths, string relativePath, string[] segments)
    {
        var current = paths.Root;
        foreach (var segment in segments)
        {
            current = Path.Combine(current, segment);
            var info = new FileInfo(current);
            if (info.LinkTarget is null)
            {
                if (!info.Exists && !Directory.Exists(current))
                {
                    return; // nothing deeper can exist
                }

                continue;
            }

            if (!LinkStaysInside(paths, info))
            {
                throw ConversationErrors.OutsideRoot(relativePath, paths.Root, $"'{segment}' is a symbolic link that leads outside the folder");
            }
        }
    }

    private static bool LinkStaysInside(ConversationPaths paths, FileInfo link)
    {
        try
        {
            var target = link.ResolveLinkTarget(returnFinalTarget: true);
            return target is not null && paths.IsStrictlyInside(Path.GetFullPath(target.FullName));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // A link loop, or a target that cannot be resolved: not something to write through.
            return false;
        }
    }

    private static string? SegmentProblem(string segment)
    {
        if (segment.Length == 0)
        {
            return "it has an empty segment";
        }

        if (segment is "." or "..")
        {
            return "it has a '.' or '..' segment";
        }

        if (segment.Contains(':', StringComparison.Ordinal))
        {
            return "it contains ':' (a drive letter or an alternate data stream)";
        }

        foreach (var c in segment)
        {
            if (char.IsControl(c))
            {
                return "it contains a control character";
            }
        }

        return SafeNames.IsReservedDeviceName(segment) ? $"'{segment}' is a Windows device name" : null;
    }
}
