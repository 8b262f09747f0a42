-- Compiled timelines stored once per distinct version (content-addressed). Devices with the same inputs get
-- the same segments and version, so 10,000 loudspeakers that change together cost one blob write plus one
-- small row each, instead of 10,000 copies of the same ~30 KB JSON.
-- body: the JSON object {"segments":[…],"media":[…]} shared by every device on that version; the per-device
-- members (deviceId, from, to, version) live in device_timelines.
CREATE TABLE timeline_blobs (
  version TEXT PRIMARY KEY,
  body    TEXT NOT NULL
);

INSERT INTO timeline_blobs (version, body)
  SELECT version, json_object('segments', json(timeline ->> '$.segments'), 'media', json(timeline ->> '$.media'))
  FROM device_timelines GROUP BY version;

CREATE TABLE device_timelines_next (
  device_id   INTEGER PRIMARY KEY REFERENCES devices(id),
  version     TEXT NOT NULL REFERENCES timeline_blobs(version),
  from_ms     INTEGER NOT NULL,
  to_ms       INTEGER NOT NULL,
  compiled_at INTEGER NOT NULL
);
INSERT INTO device_timelines_next (device_id, version, from_ms, to_ms, compiled_at)
  SELECT device_id, version, from_ms, to_ms, compiled_at FROM device_timelines;
DROP TABLE device_timelines;
ALTER TABLE device_timelines_next RENAME TO device_timelines;
-- Finding blobs no device uses any more (after each recompile) and the devices on a version.
CREATE INDEX device_timelines_version ON device_timelines(version);
