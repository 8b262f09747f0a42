-- Answers to the Code of Conduct quiz on kiosks ("Tìm hiểu Bộ Quy tắc"): one row per answer, idempotent on
-- the kiosk's event id. No personal data. A round is the answers sharing round_id; it is finished when it has
-- an answer at every position 1..round_size. `correct` is the server's verdict from the version answered.
CREATE TABLE quiz_answers (
  event_id     TEXT PRIMARY KEY,
  device_id    INTEGER NOT NULL REFERENCES devices(id),
  round_id     TEXT NOT NULL,
  content_id   INTEGER NOT NULL REFERENCES content(id),
  version_id   INTEGER NOT NULL REFERENCES content_versions(id),
  answer_index INTEGER NOT NULL CHECK (answer_index BETWEEN 0 AND 3),
  correct      INTEGER NOT NULL CHECK (correct IN (0, 1)),
  position     INTEGER NOT NULL CHECK (position >= 1),
  round_size   INTEGER NOT NULL CHECK (round_size >= position),
  answered_at  INTEGER NOT NULL,
  received_at  INTEGER NOT NULL
);
CREATE INDEX quiz_answers_time ON quiz_answers(answered_at);
CREATE INDEX quiz_answers_round ON quiz_answers(round_id);
