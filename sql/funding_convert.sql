--
-- Converting currencies while keeping ranges honest
--

-- the constructor with an explicit point estimate (every argument given)
SELECT funding_round('a', 1000000, 3000000, 10000000, 'USD', NULL, NULL) AS usd_1m_10m_about_3m,
       funding_round('b', 160000000, 180000000, 200000000, 'CNY', '2023-06-01', 'month') AS near_2yi,
       funding_round('a', 1000000, 1000000, NULL, 'USD', NULL, NULL) AS open_above,
       funding_round('grant', NULL, NULL, NULL, NULL, '2024-01-15', 'day') AS undisclosed;
SELECT funding_round('a', 1000000, 30000000, 10000000, 'USD', NULL, NULL);
SELECT funding_round('a', 1000000, 2000000, NULL, 'USD', NULL, NULL);
SELECT funding_round('a', NULL, 2000000, NULL, 'USD', NULL, NULL);
-- a point that is not the midpoint reads back from the text form
SELECT r::text::funding_round = r AS round_trip, amount_point(r)
FROM (VALUES (funding_round('a', 1000000, 3000000, 10000000, 'USD', NULL, NULL))) v(r);

-- convert(): lower bounds rounded down, upper bounds up, points to nearest, in
-- the target's minor unit; the range still holds the true amount
SELECT r, convert(r, 'CNY', 7) AS at_7, convert(r, 'CNY', 7.1234567) AS at_7_1234567,
       convert(r, 'JPY', 150.5) AS in_yen
FROM (VALUES (funding_round('a', 1000000, 3000000, 10000000, 'USD', NULL, NULL))) v(r);
SELECT r, convert(r, 'USD', 0.138)
FROM (VALUES ('B轮 近2亿元 2023-06'::funding_round), ('A轮 $10M+'), ('天使轮 数千万元'),
             ('grant 2024'), ('Pre-A轮 1亿元 2022年'), ('A轮 1.5亿日元')) v(r);
-- honest bounds: the converted range contains every converted amount of the original range
SELECT count(*) AS rounds,
       count(*) FILTER (WHERE amount_low(c) <= amount_low(r) * rate
                          AND (amount_high(r) IS NULL OR amount_high(c) >= amount_high(r) * rate)
                          AND abs(amount_point(c) - amount_point(r) * rate) <= 0.005
                          AND amount_low(c) > amount_low(r) * rate - 0.01
                          AND (amount_high(r) IS NULL OR amount_high(c) < amount_high(r) * rate + 0.01)) AS honest,
       count(*) FILTER (WHERE round_kind(c) = round_kind(r) AND announced_range(c) IS NOT DISTINCT FROM announced_range(r)
                          AND is_fuzzy(c) IS NOT DISTINCT FROM (is_fuzzy(r) OR amount_low(c) <> amount_high(c))) AS same_kind_and_date
FROM (SELECT funding_round('b', l, round(l + (g % 3) * l / 2, 2), 'USD', date '2020-01-01' + g, 'day') AS r,
             (6 + (g % 1000) / 997.0)::numeric(12, 9) AS rate
      FROM (SELECT g, (1000 + (abs(hashint4(g)) % 100000000)) / 100.0 AS l FROM generate_series(1, 10000) g) x) y,
     LATERAL (SELECT convert(r, 'CNY', rate) AS c) z;
SELECT convert('A轮 5000万元', 'CNY', 1) = 'A轮 5000万元'::funding_round AS identity;
-- errors
SELECT convert('A轮 $10M', 'CNY', 0);
SELECT convert('A轮 $10M', 'CNY', -7);
SELECT convert('A轮 $10M', 'CNY', 'NaN'::numeric);
SELECT convert('A轮 $10M', 'CNY', 'Infinity'::numeric);
SELECT convert('A轮 $10M', 'XXX', 7);
SELECT convert('A轮 1元', 'JPY', 0.001);
SELECT convert('A轮 9000亿元', 'JPY', 10000);

-- totals of a funding_stats in one currency, at one rate per currency
CREATE TABLE conv_rounds (r funding_round);
INSERT INTO conv_rounds VALUES ('B轮 近2亿元 2023-06'), ('A轮 $10M'), ('A轮 HK$5000万'), ('天使轮 $2M+'), ('grant'),
	('Pre-A轮 1.5亿日元');
SELECT total_in(s, 'CNY', '{"USD": 7.1, "HKD": 0.91, "JPY": 0.048}') AS total_cny,
       total_range_in(s, 'CNY', '{"USD": 7.1, "HKD": 0.91, "JPY": 0.048}') AS range_cny,
       total_in(s, 'USD', '{"CNY": 0.14, "HKD": 0.128, "JPY": 0.0067}') AS total_usd
FROM (SELECT funding_stats(r) AS s FROM conv_rounds) x;
-- the same as converting every round first (up to rounding once instead of per round)
SELECT sum(amount_point(r) * (CASE currency(r) WHEN 'USD' THEN 7.1 WHEN 'HKD' THEN 0.91 WHEN 'JPY' THEN 0.048 ELSE 1 END))
       AS plain_total_cny
FROM conv_rounds;
SELECT total_in(s, 'CNY', '{"HKD": 0.91, "JPY": 0.048}') FROM (SELECT funding_stats(r) AS s FROM conv_rounds) x;
SELECT total_in(s, 'CNY', '[7.1]') FROM (SELECT funding_stats(r) AS s FROM conv_rounds) x;
SELECT total_in(s, 'CNY', '{"USD": "7.1", "HKD": 0.91, "JPY": 0.048}') FROM (SELECT funding_stats(r) AS s FROM conv_rounds) x;
SELECT total_in(s, 'CNY', '{"USD": 0, "HKD": 0.91, "JPY": 0.048}') FROM (SELECT funding_stats(r) AS s FROM conv_rounds) x;

-- unknown is never zero: a currency without rounds, or with undisclosed ones only
SELECT total(s, 'CNY') AS cny, total(s, 'EUR') AS eur, total_range(s, 'EUR') AS eur_range,
       total(g, 'CNY') AS undisclosed_only, total_range(g, 'CNY') AS undisclosed_range,
       total_in(g, 'CNY', '{}') AS undisclosed_in_cny, rounds(g, 'CNY') AS undisclosed_rounds
FROM (SELECT funding_stats(r) AS s FROM conv_rounds) x,
     (SELECT funding_stats(funding_round('grant', NULL, NULL, 'CNY', NULL)) AS g) y;

DROP TABLE conv_rounds;
