\connect app;
-- psql meta-commands end at the end of their line
\set ON_ERROR_STOP on
BEGIN;
SELECT id FROM registries WHERE name = 'default';
COMMIT;
