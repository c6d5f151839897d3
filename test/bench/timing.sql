-- bench_run(passes): run every query of bench_query once per pass, in order,
-- each with max_parallel_workers_per_gather = 2 and 0, so that a pass is one
-- round of everything and machine noise hits every query alike.  The two
-- settings take turns going first (2 then 0 in even passes, 0 then 2 in odd
-- ones), so that neither always runs after the previous query and the other
-- always right after the same query.
-- Pass 0 is the warm-up (its times are kept, but not used).  Each run is its
-- own transaction; its wall time goes to bench_time.  A query marked warm
-- runs once untimed right before each timed run.  Included by bench.sql.
CREATE TEMP TABLE bench_time (name text, workers int, pass int, ms float8);

CREATE PROCEDURE pg_temp.bench_run(passes int) LANGUAGE plpgsql AS $$
DECLARE
	q record;
	w int;
	g text;
	t0 timestamptz;
	started timestamptz := clock_timestamp();
BEGIN
	FOR p IN 0..passes LOOP
		FOR q IN SELECT * FROM bench_query ORDER BY ord LOOP
			FOREACH w IN ARRAY CASE WHEN p % 2 = 0 THEN ARRAY[2, 0] ELSE ARRAY[0, 2] END LOOP
				PERFORM set_config('max_parallel_workers_per_gather', w::text, false);
				FOREACH g IN ARRAY coalesce(string_to_array(q.gucs, ','), '{}') LOOP
					PERFORM set_config(split_part(g, '=', 1), split_part(g, '=', 2), false);
				END LOOP;
				IF q.warm THEN
					EXECUTE q.sql;
				END IF;
				t0 := clock_timestamp();
				EXECUTE q.sql;
				INSERT INTO bench_time
				VALUES (q.name, w, p, extract(epoch FROM clock_timestamp() - t0) * 1000);
				FOREACH g IN ARRAY coalesce(string_to_array(q.gucs, ','), '{}') LOOP
					EXECUTE format('RESET %I', split_part(g, '=', 1));
				END LOOP;
				COMMIT;
			END LOOP;
		END LOOP;
		RAISE NOTICE 'pass % of % done (% after the start)', p, passes,
			date_trunc('second', clock_timestamp() - started);
	END LOOP;
	PERFORM set_config('max_parallel_workers_per_gather', '2', false);
END $$;

-- The median of the timed passes (1..passes) per query and worker setting.
CREATE TEMP VIEW bench_median AS
SELECT name, workers, percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS ms,
       min(ms) AS min_ms, max(ms) AS max_ms, count(*) AS runs
FROM bench_time WHERE pass > 0 GROUP BY name, workers;
