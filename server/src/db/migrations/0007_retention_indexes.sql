-- Retention purge (issue 7): find connection intervals and alert acknowledgements by age through an index
-- instead of reading the whole table every night.
CREATE INDEX device_sessions_ended ON device_sessions(disconnected_at) WHERE disconnected_at IS NOT NULL;
CREATE INDEX alert_acks_time ON alert_acks(acked_at);
