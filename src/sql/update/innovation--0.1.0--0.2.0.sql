-- innovation: upgrade from 0.1.0 to 0.2.0 (ALTER EXTENSION innovation UPDATE).
--
-- Every object that 0.2.0 adds or changes in the install script (src/sql/*.sql)
-- is added or changed here too, with the same definition and comment: the
-- `upgrade` regression test installs 0.1.0, runs this script and compares the
-- result with a fresh install of 0.2.0, object by object.  The same rules as
-- for the install script apply (see test/lint_sql.py); unlike it, this script
-- may use CREATE OR REPLACE on objects the extension already owns.

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION innovation UPDATE TO '0.2.0'" to load this file. \quit
