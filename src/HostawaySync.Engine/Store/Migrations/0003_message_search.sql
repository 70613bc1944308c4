-- HostawaySync schema, version 3: full-text search over message text.
-- message_search is a contentless FTS5 index (content=''): it keeps the terms of each message, keyed by
-- message id (rowid = messages_metadata.message_id, negative for messages of earlier tools' files), and no
-- copy of the text, which stays in the conversation files. contentless_delete=1 (SQLite 3.43+) lets a
-- message leave or be replaced in the index by its id alone. The sync keeps it current in the transaction
-- that writes the message's metadata.
CREATE VIRTUAL TABLE message_search USING fts5(
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- A database upgraded from version 2 already has messages but an empty index, and a migration cannot read
-- the conversation files. This marker asks the next sync to build the index from the files; the sync
-- deletes it in the transaction of the last batch (its checkpoint is the last file indexed, so an
-- interrupted build resumes). While it exists, search warns that results are incomplete.
INSERT INTO sync_state (resource, checkpoint, updated_at)
SELECT 'message_search_backfill', '', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
WHERE EXISTS (SELECT 1 FROM messages_metadata);
