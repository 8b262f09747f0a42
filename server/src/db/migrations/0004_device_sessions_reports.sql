-- Reports (issue 6): device connection intervals for uptime, and the archive of generated periodic reports.

-- One row per live connection of a device to the realtime hub (phiên kết nối). disconnected_at NULL = still
-- connected (or the server stopped before it could close the row; see deviceSessionRepo.closeDangling).
CREATE TABLE device_sessions (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  device_id       INTEGER NOT NULL REFERENCES devices(id),
  connected_at    INTEGER NOT NULL,
  disconnected_at INTEGER,
  CHECK (disconnected_at IS NULL OR disconnected_at >= connected_at)
);
CREATE INDEX device_sessions_device_time ON device_sessions(device_id, connected_at);
CREATE INDEX device_sessions_open ON device_sessions(device_id) WHERE disconnected_at IS NULL;

-- Periodic reports for the culture–social office (báo cáo định kỳ), stored as XLSX in <dataDir>/reports/.
CREATE TABLE reports (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  period       TEXT NOT NULL CHECK (period IN ('month', 'quarter')),
  year         INTEGER NOT NULL,
  idx          INTEGER NOT NULL,            -- month 1–12 or quarter 1–4
  from_ms      INTEGER NOT NULL,
  to_ms        INTEGER NOT NULL,
  file         TEXT NOT NULL UNIQUE,        -- file name inside <dataDir>/reports/
  size         INTEGER NOT NULL,
  sha256       TEXT NOT NULL,
  trigger      TEXT NOT NULL CHECK (trigger IN ('manual', 'schedule')),
  generated_by INTEGER REFERENCES users(id),
  generated_at INTEGER NOT NULL
);
CREATE INDEX reports_period ON reports(period, year, idx);
