using System.Management.Automation;
using HostawaySync.Engine.Errors;

namespace HostawaySync.Infrastructure;

/// <summary>Turns engine errors into PowerShell error records with their stable id, a real category and a recommended action.</summary>
internal static class ErrorRecordFactory
{
    public static ErrorRecord Create(HostawayException exception)
    {
        var record = new ErrorRecord(exception, exception.ErrorId, CategoryFor(exception.Kind), exception.Target);
        if (exception.RecommendedAction is not null)
        {
            record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = exception.RecommendedAction };
        }

        return record;
    }

    public static ErrorRecord Create(string errorId, ErrorCategory category, string message, string? recommendedAction, object? target, Exception? inner = null)
    {
        var record = new ErrorRecord(new InvalidOperationException(message, inner), errorId, category, target);
        if (recommendedAction is not null)
        {
            record.ErrorDetails = new ErrorDetails(message) { RecommendedAction = recommendedAction };
        }

        return record;
    }

    internal static ErrorCategory CategoryFor(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
        ErrorKind.StoreNotWritable => ErrorCategory.PermissionDenied,
        ErrorKind.StoreUnusable => ErrorCategory.InvalidData,
        ErrorKind.StoreLocked => ErrorCategory.ResourceBusy,
        ErrorKind.Authentication => ErrorCategory.AuthenticationError,
        ErrorKind.RateLimited => ErrorCategory.LimitsExceeded,
        ErrorKind.Unavailable => ErrorCategory.ConnectionError,
        ErrorKind.BadData => ErrorCategory.InvalidData,
        ErrorKind.AlreadyExists => ErrorCategory.ResourceExists,
        ErrorKind.WriteFailed => ErrorCategory.WriteError,
        ErrorKind.Insecure => ErrorCategory.SecurityError,
        ErrorKind.Internal => ErrorCategory.NotSpecified,
        _ => ErrorCategory.NotSpecified,
    };
}
