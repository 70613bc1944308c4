-- HostawaySync schema, version 5: what a reconcile needs to tell, from the conversations list alone, which
-- conversations' messages must be fetched again, and whether each conversation file is still what was written.
--   list_mark      the change marks of the conversation's latest list entry: last sent and received times and the
--                  id of the latest message it embeds (written with the row).
--   messages_mark  list_mark as it was when the conversation's messages were last stored: a conversation whose two
--                  marks differ has changed since.
--   file_sha256, file_bytes  the SHA-256 (hex) and size of the file as HostawaySync last wrote it.
--   header_mark    the facts its header was written from (listing, guest, channel, dates): when they change, the
--                  header is written again from the file's own messages, without asking the API.
-- Rows stored by earlier versions have none of them: their first reconcile fetches their messages once.
ALTER TABLE conversations ADD COLUMN list_mark TEXT;
ALTER TABLE conversations ADD COLUMN messages_mark TEXT;
ALTER TABLE conversations ADD COLUMN file_sha256 TEXT;
ALTER TABLE conversations ADD COLUMN file_bytes INTEGER;
ALTER TABLE conversations ADD COLUMN header_mark TEXT;

-- The kind of an indexed chat log of an earlier tool is now called ChatLog (it was LegacyChatLog).
UPDATE conversation_file_index SET kind = 'ChatLog' WHERE kind = 'LegacyChatLog';
