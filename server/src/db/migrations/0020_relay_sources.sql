-- Relay sources (nguồn tiếp âm): named external streams (Icecast MP3/AAC over HTTP(S), or HLS .m3u8) that a
-- ward relays to its loudspeakers, e.g. VOV1 or the provincial radio. Admins keep the list; a reviewer
-- approves each source, and again after its URL or its "allow private addresses" flag changes.
--
-- One row per source, no versions table: `url` / `allow_private` are the current values and `state` is the
-- review of exactly those; `approved_url` / `approved_allow_private` keep the last approved pair, which is
-- what the scheduler may pull — it stays on air while a change waits, and after a change is rejected. A
-- change back to the approved pair is approved again without a review. The audit log holds every earlier
-- URL and decision. Deleting is soft (deleted_at), so history keeps its names; a deleted name is free again.
CREATE TABLE relay_sources (
  id                     INTEGER PRIMARY KEY AUTOINCREMENT,
  name                   TEXT NOT NULL,
  url                    TEXT NOT NULL,              -- WHATWG-normalised href, checked by domain/relay-url.ts
  allow_private          INTEGER NOT NULL DEFAULT 0 CHECK (allow_private IN (0, 1)),
  -- The review of (url, allow_private): submitted → approved | rejected; a change submits it again.
  state                  TEXT NOT NULL CHECK (state IN ('submitted', 'approved', 'rejected')),
  created_by             INTEGER REFERENCES users(id),
  -- Who put the current (url, allow_private) up for review: the creator, or the admin who changed it.
  submitted_by           INTEGER REFERENCES users(id),
  submitted_at           INTEGER NOT NULL,
  decided_by             INTEGER REFERENCES users(id),
  decided_at             INTEGER,
  reason                 TEXT,
  approved_url           TEXT,
  approved_allow_private INTEGER CHECK (approved_allow_private IN (0, 1)),
  approved_by            INTEGER REFERENCES users(id),
  approved_at            INTEGER,
  created_at             INTEGER NOT NULL,
  updated_at             INTEGER NOT NULL,
  deleted_at             INTEGER,
  CHECK ((approved_url IS NULL) = (approved_allow_private IS NULL)),
  CHECK (state <> 'approved' OR (approved_url = url AND approved_allow_private = allow_private))
);
-- Names are unique among the sources not deleted (ASCII case-insensitive: "VOV1" and "vov1" are one).
CREATE UNIQUE INDEX relay_sources_name ON relay_sources(name COLLATE NOCASE) WHERE deleted_at IS NULL;
