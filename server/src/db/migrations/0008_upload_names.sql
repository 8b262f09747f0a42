-- A file name belongs to an upload and to the content version that uses it, not to the stored bytes: two
-- uploads of the same bytes share one media_files row but keep their own names.
CREATE TABLE media_uploads (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  sha256      TEXT NOT NULL REFERENCES media_files(sha256),
  file_name   TEXT NOT NULL,
  created_by  INTEGER REFERENCES users(id),
  created_at  INTEGER NOT NULL
);
CREATE INDEX media_uploads_sha ON media_uploads(sha256, created_by, id);

ALTER TABLE content_versions ADD COLUMN media_name TEXT;
UPDATE content_versions
   SET media_name = (SELECT original_name FROM media_files WHERE media_files.sha256 = content_versions.media_sha256)
 WHERE media_sha256 IS NOT NULL;
