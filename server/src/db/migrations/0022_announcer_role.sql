-- bantin:foreign-keys-off
-- A new staff role `announcer` (phát thanh viên): speaks live to the loudspeakers and records announcements in the
-- dashboard. SQLite cannot change a CHECK in place, so user_roles is rebuilt with the same columns and key; it has
-- no AUTOINCREMENT and no other index, and no table references it.
CREATE TABLE user_roles_next (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role    TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'reviewer', 'ad_reviewer', 'viewer', 'announcer')),
  PRIMARY KEY (user_id, role)
);
INSERT INTO user_roles_next (user_id, role) SELECT user_id, role FROM user_roles;
DROP TABLE user_roles;
ALTER TABLE user_roles_next RENAME TO user_roles;
