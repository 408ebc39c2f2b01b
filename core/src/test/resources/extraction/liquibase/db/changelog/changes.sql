--liquibase formatted sql

--changeset dan:30
CREATE TABLE notes (id bigint, body text);
--rollback DROP TABLE notes;

--changeset dan:31
INSERT INTO notes (id, body) VALUES (1, 'hello')

--changeset dan:32 splitStatements:false
CREATE FUNCTION touch() RETURNS trigger AS $$
BEGIN
  NEW.updated_at = now();
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

--changeset dan:33 endDelimiter:GO
UPDATE notes SET body = 'a;b' WHERE id = 1
GO
