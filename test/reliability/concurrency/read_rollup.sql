-- read district and city answers rolled up from the stored park summaries
-- (the table or the materialized view), and check what holds in any
-- snapshot: rolling parks up to districts and then to the city equals
-- rolling them up to the city at once, and the accessors of a rollup add up
-- the accessors of its parts
\set which random(1, 2)
SELECT coalesce(district, 'city') AS area, total(rollup(f)) AS projects,
       reached(rollup(f), 'high_tech') AS high_tech, rounds(rollup(s)) AS rounds,
       total(rollup(s), 'CNY') AS cny, total_range(rollup(s), 'USD') AS usd,
       round(quantile(rollup(amounts), 0.5)) AS median_cny,
       quantile(rollup(to_high_tech), 0.9) AS p90_days
FROM stored_summaries WHERE kept_in = (ARRAY['table', 'matview'])[:which]
GROUP BY ROLLUP (district);
SELECT check_that(c.f = d.f AND c.s = d.s AND c.amounts IS NOT DISTINCT FROM d.amounts
                  AND c.t IS NOT DISTINCT FROM d.t, 'city = rollup of the district rollups')
FROM (SELECT rollup(f) AS f, rollup(s) AS s, rollup(amounts) AS amounts, rollup(to_high_tech) AS t
      FROM stored_summaries WHERE kept_in = (ARRAY['table', 'matview'])[:which]) c,
     (SELECT rollup(f) AS f, rollup(s) AS s, rollup(amounts) AS amounts, rollup(t) AS t
      FROM (SELECT rollup(f) AS f, rollup(s) AS s, rollup(amounts) AS amounts,
                   rollup(to_high_tech) AS t
            FROM stored_summaries WHERE kept_in = (ARRAY['table', 'matview'])[:which]
            GROUP BY district) x) d;
SELECT check_that(total(rollup(f)) = sum(total(f))
                  AND reached(rollup(f), 'high_tech') = sum(reached(f, 'high_tech'))
                  AND rounds(rollup(s)) = sum(rounds(s))
                  AND total(rollup(s), 'CNY') IS NOT DISTINCT FROM sum(total(s, 'CNY'))
                  AND rounds_over(rollup(s), 100000000, 'CNY', 'low')
                      = sum(rounds_over(s, 100000000, 'CNY', 'low'))
                  AND coalesce(value_count(rollup(amounts)), 0) = coalesce(sum(value_count(amounts)), 0)
                  AND min_value(rollup(amounts)) IS NOT DISTINCT FROM min(min_value(amounts))
                  AND coalesce(value_count(rollup(to_high_tech)), 0) = coalesce(sum(value_count(to_high_tech)), 0),
                  'accessors of the rollup = sums of the parts')
FROM stored_summaries WHERE kept_in = (ARRAY['table', 'matview'])[:which];
