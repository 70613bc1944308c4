namespace HostawaySync.Engine.Conversations;

/// <summary>One message as a conversation file holds it.</summary>
/// <param name="MessageId">Hostaway message id; null for messages read from files of earlier tools.</param>
/// <param name="SentAt">When the message was sent, in UTC; null when unknown.</param>
/// <param name="Direction">Who wrote it.</param>
/// <param name="CommunicationType">email, channel, sms, whatsapp...; null when unknown.</param>
/// <param name="Status">sent, awaiting, failed...; null when unknown.</param>
/// <param name="Body">The message text (may be empty or span several lines).</param>
public sealed record ConversationFileMessage(
    long? MessageId,
    DateTime? SentAt,
    MessageDirection Direction,
    string? CommunicationType,
    string? Status,
    string Body);
