namespace HostawaySync.Simulator.Mutation;

/// <summary>Which list a <see cref="RowMove"/> changes, and so how the row gets to the front.</summary>
internal enum MoveKind
{
    /// <summary>A listing goes to the start of the hidden display order (order only).</summary>
    Listing,

    /// <summary>A reservation is updated, so it sorts first by updatedOn DESC.</summary>
    Reservation,

    /// <summary>A conversation goes to the start of the conversation order (order only).</summary>
    Conversation,

    /// <summary>A conversation gets a new message, which is newest and so first.</summary>
    Message,
}
