-- bantin:foreign-keys-off
-- Relays (tiếp âm): a schedule entry may name an approved relay source (0020) instead of a content or a
-- playlist — e.g. VOV1 every day 06:00–06:30 to chosen speaker groups and zones. SQLite cannot change the
-- CHECK in place, so the table is rebuilt with the same columns and relay_source_id; exactly one of the three
-- names what the entry plays.
CREATE TABLE schedules_next (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  name            TEXT NOT NULL DEFAULT '',
  class           TEXT NOT NULL CHECK (class IN ('priority', 'normal', 'ads', 'fallback')),
  content_id      INTEGER REFERENCES content(id),
  playlist_id     INTEGER REFERENCES playlists(id),
  relay_source_id INTEGER REFERENCES relay_sources(id),
  target          TEXT NOT NULL,              -- JSON {deviceIds, groupIds, kinds}
  recurrence      TEXT NOT NULL,              -- JSON CalendarWhen | RruleWhen
  ad_share        REAL,
  ad_plays_per_hour INTEGER,
  sort_order      INTEGER NOT NULL DEFAULT 0,
  deleted_at      INTEGER,
  created_by      INTEGER REFERENCES users(id),
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  CHECK ((content_id IS NOT NULL) + (playlist_id IS NOT NULL) + (relay_source_id IS NOT NULL) = 1)
);
INSERT INTO schedules_next (id, name, class, content_id, playlist_id, relay_source_id, target, recurrence, ad_share, ad_plays_per_hour,
                            sort_order, deleted_at, created_by, created_at, updated_at)
  SELECT id, name, class, content_id, playlist_id, NULL, target, recurrence, ad_share, ad_plays_per_hour,
         sort_order, deleted_at, created_by, created_at, updated_at FROM schedules;
-- Keep AUTOINCREMENT's high-water mark, so an id deleted before the rebuild is never handed out again.
DELETE FROM sqlite_sequence WHERE name = 'schedules_next';
INSERT INTO sqlite_sequence (name, seq) SELECT 'schedules_next', seq FROM sqlite_sequence WHERE name = 'schedules';
DROP TABLE schedules;
ALTER TABLE schedules_next RENAME TO schedules;

-- Dead air on a relay (mất tín hiệu tiếp âm): the source failed or fell silent, the targets played the fallback
-- meanwhile. One row per outage, ended when the relay resumed (or its window closed).
CREATE TABLE relay_incidents (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  schedule_id     INTEGER NOT NULL REFERENCES schedules(id),
  relay_source_id INTEGER NOT NULL REFERENCES relay_sources(id),
  reason          TEXT NOT NULL CHECK (reason IN ('source_failed', 'silence')),
  detail          TEXT,
  started_at      INTEGER NOT NULL,
  ended_at        INTEGER
);
CREATE INDEX relay_incidents_time ON relay_incidents(started_at);
