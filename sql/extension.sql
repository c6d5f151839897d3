--
-- The extension as a whole: every object documented and correctly labelled,
-- and the install script safe in a hostile schema.
--

-- every member object, with its comment (the public API at a glance)
SELECT pg_describe_object(d.classid, d.objid, 0) AS object,
       coalesce(c.description, '<NO COMMENT>') AS comment
FROM pg_depend d
LEFT JOIN pg_description c ON c.classoid = d.classid AND c.objoid = d.objid AND c.objsubid = 0
WHERE d.refclassid = 'pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'innovation')
  AND d.deptype = 'e'
ORDER BY 1;

-- functions: all IMMUTABLE and PARALLEL SAFE, none SECURITY DEFINER, and C
-- functions STRICT except these: funding_round_in is STABLE (typed input
-- reads innovation.default_currency), and so are the statistics and
-- selectivity functions of funding_round (they read the catalogs, as
-- PostgreSQL's own do); the others handle NULLs on purpose
-- (aggregate states that start NULL, milestone rows without a date, a NULL
-- default currency)
SELECT p.oid::regprocedure, p.provolatile, p.proparallel, p.proisstrict, p.prosecdef
FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
WHERE d.refclassid = 'pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'innovation')
  AND d.deptype = 'e'
  AND (p.provolatile <> 'i' OR p.proparallel <> 's' OR p.prosecdef
       OR (p.prokind = 'f' AND p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'c')
           AND NOT p.proisstrict));

-- aggregates: every one has a combine function (expect no rows)
SELECT a.aggfnoid::regprocedure
FROM pg_aggregate a JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = a.aggfnoid
WHERE d.refclassid = 'pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'innovation')
  AND a.aggcombinefn = 0;

-- the extension is not relocatable (its scripts refer to @extschema@)
ALTER EXTENSION innovation SET SCHEMA pg_catalog;

--
-- Installing into a schema where someone planted objects first.
--
\set regress_db :DBNAME
CREATE DATABASE innovation_security;
\c innovation_security
CREATE SCHEMA hostile;
-- look-alikes of catalog functions the script uses: never called
CREATE FUNCTION hostile.btequalimage(oid) RETURNS boolean
LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'trap: hostile.btequalimage called'; RETURN true; END $$;
CREATE FUNCTION hostile.hashint4(integer) RETURNS integer
LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'trap: hostile.hashint4 called'; RETURN 0; END $$;
-- an object the extension would create: the install must fail, not adopt it
CREATE FUNCTION hostile.stage_ladder() RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE EXTENSION innovation SCHEMA hostile;
DROP FUNCTION hostile.stage_ladder();
-- now it installs, and no trap fires
CREATE EXTENSION innovation SCHEMA hostile;
SET search_path = pg_catalog;
SELECT 'high tech'::hostile.project_stage OPERATOR(hostile.>) 'registered' AS qualified_use;
SELECT count(*) AS rungs FROM hostile.stage_ladder();
RESET search_path;
-- drop and recreate leaves nothing behind
DROP EXTENSION innovation;
SELECT count(*) AS leftovers FROM pg_type WHERE typname LIKE '%stage%';
CREATE EXTENSION innovation SCHEMA hostile;
DROP EXTENSION innovation;
\c :regress_db
DROP DATABASE innovation_security;
