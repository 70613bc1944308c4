namespace HostawaySync.Simulator.Model;

/// <summary>
/// A status a mutation gave an existing message (generated messages are derived, so the change is stored beside
/// them and laid over the derived status when the message is described).
/// </summary>
/// <param name="Status">The message's status from now on.</param>
/// <param name="UpdatedOn">When the status changed: the message's <c>updatedOn</c> from now on.</param>
internal sealed record MessageStatusChange(string Status, DateTime UpdatedOn);
