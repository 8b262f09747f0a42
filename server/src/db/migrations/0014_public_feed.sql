-- The public id of a content item shown on the ward portal's feed and pages (/feed/*, /p/<publicId>): random,
-- made once when a version is first marked public, and kept across versions and unpublishing, so a shared link
-- stays the same and no internal id leaves the server. Whether an item is public is a field of each version
-- (fields.public), so the reviewer approves exactly what becomes public.
CREATE TABLE content_public (
  content_id INTEGER PRIMARY KEY REFERENCES content(id),
  public_id  TEXT NOT NULL UNIQUE CHECK (length(public_id) BETWEEN 16 AND 40 AND public_id NOT GLOB '*[^A-Za-z0-9_-]*'),
  created_at INTEGER NOT NULL
);
