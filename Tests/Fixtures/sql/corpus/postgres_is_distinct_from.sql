INSERT INTO dq.mismatches
SELECT a.id
FROM ledger.entries a
FULL OUTER JOIN ledger.entries_replica b USING (id)
WHERE a.amount IS DISTINCT FROM b.amount
   OR position('x' in a.memo) > 0
   OR trim(leading '0' from a.code) <> b.code;
