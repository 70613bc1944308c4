-- HostawaySync schema, version 7: the pace of each sync log row, written when the row is closed.
--   requests_per_10s   the request budget in force (API requests per 10 seconds) when the run or pass ended.
--   rate_limit_source  where that budget came from, as the engine names it: setting, discovered, probed,
--                      lowest published, ... (free text, stored as given).
-- Rows logged before this version have neither (NULL).
ALTER TABLE sync_logs ADD COLUMN requests_per_10s INTEGER;
ALTER TABLE sync_logs ADD COLUMN rate_limit_source TEXT;
