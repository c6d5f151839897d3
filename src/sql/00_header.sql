-- innovation: types, aggregates and indexes for innovation-ecosystem analytics.
--
-- This script is assembled from the files in src/sql/ at build time.  It
-- follows PostgreSQL's rules for extension scripts: every object is created
-- and referenced with a schema-qualified name (the extension's schema or
-- pg_catalog), never with CREATE OR REPLACE or IF NOT EXISTS, and the
-- schema placeholder never appears inside quotes.

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION innovation" to load this file. \quit
