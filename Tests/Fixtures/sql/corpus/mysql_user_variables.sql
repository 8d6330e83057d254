SET @cutoff = (SELECT MAX(closed_at) FROM finance.periods WHERE status = 'closed');
SET NAMES utf8mb4;
INSERT INTO finance.ledger_snapshot
SELECT l.* FROM finance.ledger l STRAIGHT_JOIN finance.accounts a ON a.id = l.account_id
WHERE l.posted_at <= @cutoff;
