-- Devices (LED screens, kiosks, loudspeaker clusters), pairing, groups, playlists, schedules and compiled timelines.
CREATE TABLE devices (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  kind             TEXT NOT NULL CHECK (kind IN ('led', 'kiosk', 'speaker')),
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

-- A player waiting to be claimed shows `code`; claiming binds it to a device and hands out a token once.
CREATE TABLE pairing_codes (
  code         TEXT PRIMARY KEY,
  secret_hash  TEXT NOT NULL,          -- the player proves it is the one that asked for the code
  created_at   INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL,
  device_id    INTEGER REFERENCES devices(id),
  claimed_at   INTEGER,
  delivered_at INTEGER
);

CREATE TABLE device_groups (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  geocode     TEXT,                    -- for CAP <area><geocode> matching
  broadcast_slots TEXT,                -- JSON [{start,end}] default for member speakers
  deleted_at  INTEGER,
  created_at  INTEGER NOT NULL
);

CREATE TABLE device_group_members (
  group_id  INTEGER NOT NULL REFERENCES device_groups(id),
  device_id INTEGER NOT NULL REFERENCES devices(id),
  PRIMARY KEY (group_id, device_id)
);
CREATE INDEX device_group_members_device ON device_group_members(device_id);

CREATE TABLE playlists (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  name       TEXT NOT NULL,
  items      TEXT NOT NULL DEFAULT '[]',  -- JSON [{contentId, durationMs?}]
  deleted_at INTEGER,
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE schedules (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT NOT NULL DEFAULT '',
  class       TEXT NOT NULL CHECK (class IN ('priority', 'normal', 'ads', 'fallback')),
  content_id  INTEGER REFERENCES content(id),
  playlist_id INTEGER REFERENCES playlists(id),
  target      TEXT NOT NULL,              -- JSON {deviceIds, groupIds, kinds}
  recurrence  TEXT NOT NULL,              -- JSON CalendarWhen | RruleWhen
  ad_share    REAL,
  ad_plays_per_hour INTEGER,
  sort_order  INTEGER NOT NULL DEFAULT 0,
  deleted_at  INTEGER,
  created_by  INTEGER REFERENCES users(id),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  CHECK ((content_id IS NULL) <> (playlist_id IS NULL))
);

-- The last compiled timeline per device (JSON), with its version hash so unchanged devices are not disturbed.
CREATE TABLE device_timelines (
  device_id   INTEGER PRIMARY KEY REFERENCES devices(id),
  version     TEXT NOT NULL,
  from_ms     INTEGER NOT NULL,
  to_ms       INTEGER NOT NULL,
  timeline    TEXT NOT NULL,
  compiled_at INTEGER NOT NULL
);

-- Emergency alerts (cảnh báo khẩn cấp): issuing one approves its text.
CREATE TABLE alerts (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  text          TEXT NOT NULL,
  audio_sha256  TEXT REFERENCES media_files(sha256),
  speech_sha256 TEXT REFERENCES media_files(sha256),
  target        TEXT NOT NULL,              -- JSON {all, deviceIds, groupIds, kinds}
  repeat_min    INTEGER NOT NULL DEFAULT 10,
  severity      TEXT NOT NULL DEFAULT 'severe',
  starts_at     INTEGER NOT NULL,
  expires_at    INTEGER NOT NULL,
  cancelled_at  INTEGER,
  source        TEXT NOT NULL DEFAULT 'dashboard',  -- dashboard | cap
  cap_identifier TEXT,
  issued_by     INTEGER REFERENCES users(id),
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);

CREATE TABLE alert_acks (
  alert_id  INTEGER NOT NULL REFERENCES alerts(id),
  device_id INTEGER NOT NULL REFERENCES devices(id),
  acked_at  INTEGER NOT NULL,
  PRIMARY KEY (alert_id, device_id)
);

-- Proof of play: one row per play event, idempotent on the player's event id.
CREATE TABLE plays (
  event_id       TEXT PRIMARY KEY,
  device_id      INTEGER NOT NULL REFERENCES devices(id),
  content_id     INTEGER,
  version_id     INTEGER,
  sha256         TEXT,
  class          TEXT NOT NULL,
  started_at     INTEGER NOT NULL,
  ended_at       INTEGER NOT NULL,
  result         TEXT NOT NULL CHECK (result IN ('completed', 'interrupted', 'failed')),
  received_at    INTEGER NOT NULL
);
CREATE INDEX plays_device_time ON plays(device_id, started_at);
CREATE INDEX plays_content_time ON plays(content_id, started_at);

-- Kiosk feedback (Góp ý). A phone number is kept only with consent and until its retention date.
CREATE TABLE feedback (
  event_id      TEXT PRIMARY KEY,
  device_id     INTEGER NOT NULL REFERENCES devices(id),
  rating        INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  topic         TEXT NOT NULL,
  comment       TEXT,
  phone         TEXT,
  consent_at    INTEGER,
  retain_until  INTEGER,
  created_at    INTEGER NOT NULL,
  received_at   INTEGER NOT NULL
);
CREATE INDEX feedback_time ON feedback(created_at);
