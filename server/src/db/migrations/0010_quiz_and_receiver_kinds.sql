-- bantin:foreign-keys-off
-- Two new kinds: content `quiz` (Code of Conduct questions played on kiosks) and device `receiver` (an IP audio
-- receiver that plays one zone stream URL). SQLite cannot change a CHECK in place, so both tables are rebuilt
-- with the same columns; every table that references them keeps pointing at the new one by name.
CREATE TABLE content_next (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  kind                TEXT NOT NULL CHECK (kind IN ('message', 'clip', 'ad', 'quiz')),
  owner_id            INTEGER NOT NULL REFERENCES users(id),
  latest_version_id   INTEGER,
  -- The version that plays: the newest approved one still valid. It keeps playing while a newer version waits.
  approved_version_id INTEGER,
  system              INTEGER NOT NULL DEFAULT 0,  -- seeded starter pack
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL
);
INSERT INTO content_next SELECT id, kind, owner_id, latest_version_id, approved_version_id, system, created_at, updated_at FROM content;
-- Keep AUTOINCREMENT's high-water mark, so an id deleted before the rebuild is never handed out again.
DELETE FROM sqlite_sequence WHERE name = 'content_next';
INSERT INTO sqlite_sequence (name, seq) SELECT 'content_next', seq FROM sqlite_sequence WHERE name = 'content';
DROP TABLE content;
ALTER TABLE content_next RENAME TO content;

CREATE TABLE devices_next (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  kind             TEXT NOT NULL CHECK (kind IN ('led', 'kiosk', 'speaker', 'receiver')),
  name             TEXT NOT NULL,
  residential_group TEXT,             -- tổ dân phố
  address          TEXT,
  lat              REAL,
  lon              REAL,
  orientation      TEXT NOT NULL DEFAULT 'landscape' CHECK (orientation IN ('landscape', 'portrait')),
  resolution       TEXT,               -- e.g. '1920x1080'
  volume           INTEGER CHECK (volume BETWEEN 0 AND 100),
  operating_hours  TEXT,               -- JSON {start,end} or NULL = always on
  quiet_hours      TEXT,               -- JSON {start,end} (speakers)
  broadcast_slots  TEXT,               -- JSON [{start,end}] (speakers)
  token_hash       TEXT UNIQUE,        -- sha256 of the device token; NULL = revoked / not paired
  token_issued_at  INTEGER,
  last_seen_at     INTEGER,
  status           TEXT NOT NULL DEFAULT '{}',  -- last heartbeat as JSON
  deleted_at       INTEGER,
  created_at       INTEGER NOT NULL,
  updated_at       INTEGER NOT NULL
);
INSERT INTO devices_next SELECT id, kind, name, residential_group, address, lat, lon, orientation, resolution, volume,
  operating_hours, quiet_hours, broadcast_slots, token_hash, token_issued_at, last_seen_at, status, deleted_at,
  created_at, updated_at FROM devices;
-- Keep AUTOINCREMENT's high-water mark, so an id deleted before the rebuild is never handed out again.
DELETE FROM sqlite_sequence WHERE name = 'devices_next';
INSERT INTO sqlite_sequence (name, seq) SELECT 'devices_next', seq FROM sqlite_sequence WHERE name = 'devices';
DROP TABLE devices;
ALTER TABLE devices_next RENAME TO devices;
