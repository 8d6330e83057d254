-- upstream: log_retention
-- description: Refresh the query planner's statistics
ANALYZE;
