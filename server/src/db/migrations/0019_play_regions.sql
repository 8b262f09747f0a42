-- Proof of play per layout region: a screen with a layout plays its programme in the `main` region and the
-- ticker texts in the `ticker` region, and each play says where it was shown. Plays from before layouts, and
-- from players that send no region, were (and are) shown full screen: they count as `main`. The kinds are
-- protocol/src/core/layout.ts REGION_KINDS.
ALTER TABLE plays ADD COLUMN region TEXT NOT NULL DEFAULT 'main'
  CHECK (region IN ('main', 'ticker', 'clock', 'banner', 'image'));

-- The reports' covering index (0005) answers the region filter and the per-row regions from the index too.
DROP INDEX plays_time_cover;
CREATE INDEX plays_time_cover ON plays(started_at, device_id, content_id, result, ended_at, class, region);
