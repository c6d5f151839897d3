-- recompute one park's stored summaries from the raw rows and store them
-- with INSERT ... ON CONFLICT (one row per transaction: no lock-order
-- deadlocks; a slower refresh may store an older result than a faster one
-- that committed first, which the next refresh corrects)
\set park random(1, 12)
INSERT INTO park_summary AS ps (park_id, district, f, to_high_tech, s, amounts)
SELECT park_id, district, f, to_high_tech, s, amounts FROM park_summary_source WHERE park_id = :park
ON CONFLICT (park_id) DO UPDATE
SET f = excluded.f, to_high_tech = excluded.to_high_tech, s = excluded.s,
    amounts = excluded.amounts, refreshes = ps.refreshes + 1;
