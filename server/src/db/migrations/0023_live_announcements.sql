-- Live announcements (phát trực tiếp): a staff member with the announcer role speaks from the dashboard to
-- loudspeaker groups and stream zones. Not reviewed beforehand by nature: this row and its recording (the MP3
-- exactly as it went out, attention tone included, in the content store) are what the culture–social office
-- checks afterwards. `ended_at` NULL = on air now (a row left so by a crash is closed at the next start).
CREATE TABLE live_announcements (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id          INTEGER NOT NULL REFERENCES users(id),
  class            TEXT NOT NULL CHECK (class IN ('priority', 'emergency')),
  group_ids        TEXT NOT NULL,                 -- JSON array of group ids, as chosen
  title            TEXT NOT NULL DEFAULT '',
  started_at       INTEGER NOT NULL,
  on_air_at        INTEGER,                       -- the voice went on air (after the attention tone)
  ended_at         INTEGER,
  end_reason       TEXT CHECK (end_reason IN ('stopped', 'dropped', 'max_duration', 'server_stopped', 'failed')),
  duration_ms      INTEGER,
  recording_sha256 TEXT REFERENCES media_files(sha256),
  speakers         INTEGER NOT NULL DEFAULT 0,    -- web-player loudspeakers reached
  zones            INTEGER NOT NULL DEFAULT 0     -- stream zones reached
);
CREATE INDEX live_announcements_time ON live_announcements(started_at);
