-- A name that says one thing while the bytes are another (an image named .mp4): the upload and the version
-- made from it keep the warning, so the editor and the reviewer both see it.
ALTER TABLE media_uploads ADD COLUMN warning TEXT;
ALTER TABLE content_versions ADD COLUMN media_warning TEXT;
