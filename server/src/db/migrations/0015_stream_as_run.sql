-- As-run log of the zone streams (phát thực tế): what a zone's encoder actually sent out, stored once per
-- zone and only for the time at least one IP receiver of that zone was connected (the span clipped to it).
-- Proof-of-play reports show these beside the web players' plays, with the zone as the place.
CREATE TABLE stream_as_run (
  zone_id     INTEGER NOT NULL REFERENCES device_groups(id),
  started_at  INTEGER NOT NULL,
  ended_at    INTEGER NOT NULL CHECK (ended_at > started_at),
  content_id  INTEGER REFERENCES content(id),
  title       TEXT NOT NULL,
  reason      TEXT NOT NULL CHECK (reason IN ('emergency', 'priority', 'normal', 'fallback', 'alert-tone', 'silence', 'quiet-hours')),
  recorded_at INTEGER NOT NULL,
  -- One zone sends one thing at a time: a span reported twice is stored once.
  PRIMARY KEY (zone_id, started_at)
);
CREATE INDEX stream_as_run_started ON stream_as_run (started_at);
