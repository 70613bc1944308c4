namespace HostawaySync.Engine.Errors;

/// <summary>
/// The one exception type the engine lets escape. It carries a stable <see cref="ErrorId"/>, a
/// <see cref="Kind"/>, the object it concerns and, where the user can act, a recommended action.
/// Messages never contain secrets.
/// </summary>
public sealed class HostawayException : Exception
{
    /// <summary>Creates an engine error.</summary>
    public HostawayException(string errorId, ErrorKind kind, string message, string? recommendedAction = null, object? target = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorId = errorId;
        Kind = kind;
        RecommendedAction = recommendedAction;
        Target = target;
    }

    /// <summary>Stable identifier, one of <see cref="ErrorIds"/>.</summary>
    public string ErrorId { get; }

    /// <summary>The kind of failure.</summary>
    public ErrorKind Kind { get; }

    /// <summary>What the user can do about it, or null.</summary>
    public string? RecommendedAction { get; }

    /// <summary>The path, id or entity the error concerns.</summary>
    public object? Target { get; }
}
