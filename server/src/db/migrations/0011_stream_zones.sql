-- A stream zone: a loudspeaker group whose compiled speaker timeline the server plays into one continuous
-- encoded stream (/stream/<slug>.mp3, HLS), for IP audio receivers that can only be given a URL.
CREATE TABLE stream_zones (
  group_id     INTEGER PRIMARY KEY REFERENCES device_groups(id),
  slug         TEXT NOT NULL UNIQUE CHECK (slug GLOB '[a-z0-9]*' AND slug NOT GLOB '*[^a-z0-9-]*' AND length(slug) BETWEEN 1 AND 40),
  bitrate_kbps INTEGER NOT NULL DEFAULT 64 CHECK (bitrate_kbps IN (32, 48, 64, 96, 128, 192)),
  channels     INTEGER NOT NULL DEFAULT 1 CHECK (channels IN (1, 2)),
  volume       INTEGER NOT NULL DEFAULT 100 CHECK (volume BETWEEN 0 AND 100),
  quiet_hours  TEXT,                 -- JSON {start,end} or NULL = none
  enabled      INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);
