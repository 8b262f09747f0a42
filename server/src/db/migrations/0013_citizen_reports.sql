-- Citizens' reports (phản ánh) of Code of Conduct violations and false news, filed on a kiosk, each one a case
-- the culture–social office handles: mới → đang xử lý → đã chuyển (công an phường, with a note) → đã đóng
-- (with an outcome). A phone number is kept only with consent and until its retention date, as for feedback.
-- Every status change is also written to the audit log.
CREATE TABLE citizen_reports (
  id            INTEGER PRIMARY KEY,
  event_id      TEXT NOT NULL UNIQUE,
  device_id     INTEGER NOT NULL REFERENCES devices(id),
  category      TEXT NOT NULL CHECK (category IN ('false_news', 'insult', 'scam', 'child_harm', 'other')),
  platform      TEXT CHECK (platform IN ('facebook', 'zalo', 'tiktok', 'youtube', 'website', 'offline', 'other')),
  link          TEXT,                 -- typed in on the kiosk: shown as text, never followed
  description   TEXT NOT NULL,
  phone         TEXT,
  consent_at    INTEGER,
  retain_until  INTEGER,
  created_at    INTEGER NOT NULL,
  received_at   INTEGER NOT NULL,
  status        TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'handling', 'forwarded', 'closed')),
  outcome       TEXT CHECK (outcome IN ('verified_true', 'verified_false', 'removed', 'referred_elsewhere', 'unresolved')),
  forward_note  TEXT,
  forwarded_at  INTEGER,
  closed_at     INTEGER,
  updated_at    INTEGER NOT NULL,
  CHECK (platform IS NOT NULL OR link IS NOT NULL),
  CHECK ((status = 'closed') = (outcome IS NOT NULL))
);
CREATE INDEX citizen_reports_time ON citizen_reports(created_at);
CREATE INDEX citizen_reports_status ON citizen_reports(status, created_at);
CREATE INDEX citizen_reports_phone ON citizen_reports(retain_until) WHERE phone IS NOT NULL;
