-- Content library: stored media files, content items with immutable versions, and the review history.

-- Every file in the content-addressed store that bantin knows about (uploads, rendered speech, proofs).
CREATE TABLE media_files (
  sha256        TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size          INTEGER NOT NULL,
  mime          TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('image', 'video', 'audio', 'document')),
  width         INTEGER,
  height        INTEGER,
  duration_ms   INTEGER,
  has_audio     INTEGER NOT NULL DEFAULT 0,
  info          TEXT NOT NULL DEFAULT '{}',   -- probe details (codecs, loudness, derived files) as JSON
  original_name TEXT,
  created_by    INTEGER REFERENCES users(id),
  created_at    INTEGER NOT NULL
);

CREATE TABLE content (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  kind                TEXT NOT NULL CHECK (kind IN ('message', 'clip', 'ad')),
  owner_id            INTEGER NOT NULL REFERENCES users(id),
  latest_version_id   INTEGER,
  -- The version that plays: the newest approved one still valid. It keeps playing while a newer version waits.
  approved_version_id INTEGER,
  system              INTEGER NOT NULL DEFAULT 0,  -- seeded starter pack
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL
);

-- A version is immutable once created: editing anything makes a new version.
CREATE TABLE content_versions (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  content_id     INTEGER NOT NULL REFERENCES content(id),
  number         INTEGER NOT NULL,
  state          TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'approved', 'rejected', 'withdrawn', 'expired')),
  title          TEXT NOT NULL,
  body           TEXT NOT NULL DEFAULT '',
  fields         TEXT NOT NULL DEFAULT '{}',  -- kind-specific fields as JSON (style, voice, advertiser, proofs…)
  tags           TEXT NOT NULL DEFAULT '[]',
  valid_from     INTEGER,
  valid_to       INTEGER,
  duration_ms    INTEGER NOT NULL,
  media_sha256   TEXT REFERENCES media_files(sha256),
  speech_sha256  TEXT REFERENCES media_files(sha256),
  files          TEXT NOT NULL DEFAULT '[]',  -- sha256 of every file this version uses
  version_sha256 TEXT NOT NULL,               -- hash of the canonical version content, files included
  findings       TEXT NOT NULL DEFAULT '[]',  -- automatic pre-check findings at submission
  created_by     INTEGER NOT NULL REFERENCES users(id),
  created_at     INTEGER NOT NULL,
  submitted_by   INTEGER REFERENCES users(id),
  submitted_at   INTEGER,
  UNIQUE (content_id, number)
);
CREATE INDEX content_versions_state ON content_versions(state);

-- Every decision, kept as history: an approval names one version and the exact bytes it approved.
CREATE TABLE reviews (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  version_id     INTEGER NOT NULL REFERENCES content_versions(id),
  decision       TEXT NOT NULL CHECK (decision IN ('submitted', 'approved', 'rejected', 'revoked', 'withdrawn', 'expired')),
  reason         TEXT,
  version_sha256 TEXT NOT NULL,
  files          TEXT NOT NULL DEFAULT '[]',
  actor_id       INTEGER REFERENCES users(id),
  decided_at     INTEGER NOT NULL
);
CREATE INDEX reviews_version ON reviews(version_id);
