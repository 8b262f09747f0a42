-- Screen layouts (bố cục màn hình): named templates of regions (main, ticker, clock, banner, image) on a canvas.
-- A layout is versioned like content: every edit is a new immutable version that a reviewer approves; the
-- approved version is what devices receive, and it stays on air while a newer one waits.
CREATE TABLE layouts (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  name                TEXT NOT NULL,
  -- A starter layout (read-only, approved by the system): its key in STARTER_LAYOUTS; NULL for staff layouts.
  system_key          TEXT UNIQUE,
  latest_version_id   INTEGER,
  approved_version_id INTEGER,
  created_by          INTEGER REFERENCES users(id),
  deleted_at          INTEGER,
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL
);

CREATE TABLE layout_versions (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  layout_id   INTEGER NOT NULL REFERENCES layouts(id),
  number      INTEGER NOT NULL,
  -- submitted → approved | rejected; a submitted version is superseded when a newer one is submitted.
  state       TEXT NOT NULL CHECK (state IN ('submitted', 'approved', 'rejected', 'superseded')),
  body        TEXT NOT NULL,              -- canonical JSON {orientation,width,height,regions}
  body_sha256 TEXT NOT NULL CHECK (length(body_sha256) = 64),
  created_by  INTEGER REFERENCES users(id),
  created_at  INTEGER NOT NULL,
  decided_by  INTEGER REFERENCES users(id),
  decided_at  INTEGER,
  reason      TEXT,
  UNIQUE (layout_id, number)
);

-- Which layout a device shows: its own assignment, else its group's (the lowest group id with one), else none
-- (full screen, as before layouts).
CREATE TABLE layout_assignments (
  layout_id   INTEGER NOT NULL REFERENCES layouts(id),
  device_id   INTEGER UNIQUE REFERENCES devices(id),
  group_id    INTEGER UNIQUE REFERENCES device_groups(id),
  assigned_by INTEGER REFERENCES users(id),
  assigned_at INTEGER NOT NULL,
  CHECK ((device_id IS NULL) <> (group_id IS NULL))
);
CREATE INDEX layout_assignments_layout ON layout_assignments(layout_id);

-- The starter layouts (protocol/src/core/layout.ts STARTER_LAYOUTS, normalised; a test keeps them equal).
INSERT INTO layouts (id, name, system_key, latest_version_id, approved_version_id, created_at, updated_at) VALUES (1, 'Toàn màn hình / Full screen', 'full', 1, 1, 0, 0);
INSERT INTO layout_versions (id, layout_id, number, state, body, body_sha256, created_at, decided_at) VALUES (1, 1, 1, 'approved', '{"height":1080,"orientation":"landscape","regions":[{"h":1080,"id":"main","kind":"main","w":1920,"x":0,"y":0,"z":0}],"width":1920}', 'b1ae56f14b7dabd0dde00703af85bf3b4851903753ff504181b9844eeb4810f0', 0, 0);
INSERT INTO layouts (id, name, system_key, latest_version_id, approved_version_id, created_at, updated_at) VALUES (2, 'Chương trình + chữ chạy / Main + ticker', 'main-ticker', 2, 2, 0, 0);
INSERT INTO layout_versions (id, layout_id, number, state, body, body_sha256, created_at, decided_at) VALUES (2, 2, 1, 'approved', '{"height":1080,"orientation":"landscape","regions":[{"h":960,"id":"main","kind":"main","w":1920,"x":0,"y":0,"z":0},{"h":120,"id":"ticker","kind":"ticker","style":{"background":"#b71c1c","color":"#ffffff","fontPx":64},"w":1920,"x":0,"y":960,"z":1}],"width":1920}', 'ee7fa8cd1e16e20895c3710b20199aa3133e42cf845bbd0bb5c6892df7ffcd07', 0, 0);
INSERT INTO layouts (id, name, system_key, latest_version_id, approved_version_id, created_at, updated_at) VALUES (3, 'Màn hình LED phường: băng rôn + chương trình + chữ chạy + đồng hồ / Ward LED', 'led-ward', 3, 3, 0, 0);
INSERT INTO layout_versions (id, layout_id, number, state, body, body_sha256, created_at, decided_at) VALUES (3, 3, 1, 'approved', '{"height":1080,"orientation":"landscape","regions":[{"h":820,"id":"main","kind":"main","w":1920,"x":0,"y":140,"z":0},{"h":140,"id":"banner","kind":"banner","style":{"background":"#b71c1c","color":"#ffffff","fontPx":72},"w":1440,"x":0,"y":0,"z":1},{"h":140,"id":"clock","kind":"clock","style":{"background":"#b71c1c","color":"#ffeb3b","fontPx":40},"w":480,"x":1440,"y":0,"z":1},{"h":120,"id":"ticker","kind":"ticker","style":{"background":"#0d47a1","color":"#ffeb3b","fontPx":64},"w":1920,"x":0,"y":960,"z":1}],"width":1920}', '21548e9b93ce8854a2b52012c8268ce90f634ec17048caf0733eb5d59f9d2c7b', 0, 0);
INSERT INTO layouts (id, name, system_key, latest_version_id, approved_version_id, created_at, updated_at) VALUES (4, 'Kiosk dọc: băng rôn + đồng hồ / Portrait kiosk', 'kiosk-portrait', 4, 4, 0, 0);
INSERT INTO layout_versions (id, layout_id, number, state, body, body_sha256, created_at, decided_at) VALUES (4, 4, 1, 'approved', '{"height":1920,"orientation":"portrait","regions":[{"h":1600,"id":"main","kind":"main","w":1080,"x":0,"y":200,"z":0},{"h":200,"id":"banner","kind":"banner","style":{"background":"#b71c1c","color":"#ffffff","fontPx":64},"w":1080,"x":0,"y":0,"z":1},{"h":120,"id":"clock","kind":"clock","style":{"background":"#0d47a1","color":"#ffffff","fontPx":48},"w":1080,"x":0,"y":1800,"z":1}],"width":1080}', 'ccfce1ea708f9fe6834df08348abd38fac085906f3e7ca78c2a179c5a04b5844', 0, 0);
