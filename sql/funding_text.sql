--
-- Reading funding text as analysts receive it: headlines and sentences,
-- the never-invent rules, cleaning without aborting, the default-currency
-- setting, extraction from an article, and the vocabulary listing.
--
SET datestyle = ISO;

-- headlines and article clauses, Chinese (simplified, traditional,
-- full-width) and English
SELECT t AS written, r AS read
FROM (VALUES ('目前已完成近亿元Pre-A轮融资'), ('宣布完成1.5亿元C轮融资'), ('获得近2亿元B轮融资'),
             ('完成新一轮数千万元融资'), ('本轮融资金额达3亿元'), ('A轮融资共计5000万元'),
             ('获得数千万元股权融资'), ('科创板上市募资10亿元'), ('新三板定增2000万元'),
             ('战略融资 数千万美元'), ('IPO募资 20亿元'), ('亿元B轮'), ('千万元级'), ('千万美元A轮融资'),
             ('2 亿 元'), ('3000 万元'), ('两千多万元天使轮融资'), ('1.2万亿元'),
             ('宣佈完成1.5億元C輪融資'), ('獲得近2億元B輪融資'), ('Ｂ轮 ２亿元 ２０２３－０６'),
             ('raises $25 million Series B'), ('closed a $10M seed round'),
             ('a Series A of US$5 million'), ('raised €3m in pre-seed funding'),
             ('secures over $100 million in Series D funding'), ('closed a $10M round'),
             ('A 2亿'), ('a USD 12000000'), ('31/12/2023 B轮 2亿'), ('12/31/2023 Series A $5M')) AS v(t),
     funding_round(t) AS r;

-- never invented: each of these is an error naming the token at fault
SELECT t AS written, funding_round_error(t) AS why
FROM (VALUES ('获得两轮融资'), ('完成三轮融资'), ('raised $5M in two rounds'), ('A轮 十'),
             ('B轮 200000000'), ('A轮 -5000万'), ('Series B -$25M'), ('Series B 25M'),
             ('A轮 5000万元 USD'), ('$5M 人民币'), ('亿元'), ('A $10M'), ('05/06/2023'),
             ('Seires A 2亿'), ('Angle round $1M'), ('B伦 2亿'), ('B轮 2亿 3000万')) AS v(t);

-- the detail quotes the token, not a date made of an amount
SELECT 'B轮 3000 万元 2亿'::funding_round;
-- an error quotes at most about 100 characters of the input, however long
SELECT 'B轮 ' || repeat('近', 500) || '2亿'::text AS long_input \gset
SELECT length(:'long_input') AS input_chars,
       length(funding_round_error(:'long_input')) < 300 AS short_error;
SELECT :'long_input'::funding_round;

-- cleaning without aborting: NULL for what is not a round
SELECT t, try_funding_round(t) AS round, funding_round_error(t) IS NULL AS valid
FROM (VALUES ('B轮 近2亿元'), ('B轮 两轮'), (NULL), ('Series B 25M')) AS v(t);
SELECT try_funding_round('Series B 25M', 'USD') AS with_default,
       try_funding_round('Series B 25M', NULL) AS no_default,
       try_funding_round('B轮 2亿', 'USD') AS yi_is_cny,
       funding_round('raised 5 million in seed funding', 'EUR') AS explicit;
SELECT try_funding_round('B轮 25M', 'XYZ');

-- a generated column that survives one bad headline in a COPY
CREATE TABLE headlines (
	id int,
	raw text,
	round funding_round GENERATED ALWAYS AS (try_funding_round(raw)) STORED,
	problem text GENERATED ALWAYS AS (funding_round_error(raw)) STORED);
COPY headlines (id, raw) FROM stdin;
1	获得近2亿元B轮融资
2	完成三轮融资
3	raises $25 million Series B
\.
SELECT id, round, problem FROM headlines ORDER BY id;

-- typed input (COPY, literals) reads innovation.default_currency
SHOW innovation.default_currency;
SET innovation.default_currency = 'usd';
SHOW innovation.default_currency;
SELECT 'Series B 25M'::funding_round AS typed, 'B轮 2亿'::funding_round AS yi_is_still_cny;
SELECT try_funding_round('Series B 25M') AS functions_do_not_read_it;
CREATE TEMP TABLE typed_copy (r funding_round);
COPY typed_copy FROM stdin;
Series A 5M
\.
SELECT r FROM typed_copy;
SET innovation.default_currency = 'XYZ';
RESET innovation.default_currency;
SELECT 'Series B 25M'::funding_round;

-- the article: exactly the three rounds companies raised, nothing else
\set article `cat test/data/seed_article.txt`
SELECT round, phrase, start_pos, end_pos,
       substr(:'article', start_pos, end_pos - start_pos + 1) = phrase AS positions_match
FROM extract_funding_rounds(:'article');
-- what it leaves out: totals, project investment, funds, loan programmes, sales
SELECT t, count(e.round) AS rounds
FROM (VALUES ('全市累计有66个科创项目获得股权融资共计28.43亿元，其中6个融资额度超过1亿元，29个融资额度超1000万元。'),
             ('总投资5亿元的江苏金冠智能科技有限公司分布式驱动底盘及关键零部件项目开工。'),
             ('成功吸引江苏省战新首批40亿元产业专项母基金落地，两大基金集群总规模达800亿元。'),
             ('“苏科贷”“通科贷”贷款规模超60亿。'),
             ('2023年应税销售额超过1亿元的有51个。'),
             ('预计到今年年底公司营业额将突破1000万。'),
             ('12 startups raised a total of $300 million.')) AS v(t)
LEFT JOIN LATERAL extract_funding_rounds(t) AS e ON true
GROUP BY t ORDER BY t;
-- English and mixed paragraphs
SELECT round, phrase FROM extract_funding_rounds(
  'Acme Robotics raises $25 million Series B led by Foo Capital. The company was valued at $500 million. '
  || 'Earlier, Bar Labs closed a $10M seed round, and its revenue reached $3M.');
SELECT round, phrase FROM extract_funding_rounds('公司2023年6月完成B轮融资2亿元；目前估值超过20亿元。');
SELECT count(*) FROM extract_funding_rounds('');
SELECT * FROM extract_funding_rounds('Series B of 25M in funding', 'USD');

-- the vocabulary, as data
SELECT role, count(*) FROM funding_vocabulary() GROUP BY role ORDER BY role;
SELECT * FROM funding_vocabulary() WHERE role IN ('qualifier_before', 'filler') AND phrase ~ '^[a-z]' ORDER BY role, phrase;
