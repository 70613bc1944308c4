-- HostawaySync schema, version 4: message text only in the conversation files. The API's conversation
-- object embeds its latest message (conversationMessages[0]) with the text; versions before 4 kept that
-- text in conversations.raw_json. Remove it from stored rows; the sync now stores the object without it.
-- content_hash is left as it was: the next sync that fetches a conversation sees a different hash once
-- and rewrites the row.
UPDATE conversations
SET raw_json = json_remove(raw_json, '$.conversationMessages[0].body')
WHERE json_valid(raw_json) AND json_type(raw_json, '$.conversationMessages[0].body') IS NOT NULL;
