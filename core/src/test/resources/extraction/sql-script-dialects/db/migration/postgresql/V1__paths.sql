-- in PostgreSQL a backslash is a character like any other: this literal ends after it
INSERT INTO settings (name, value) VALUES ('root', 'C:\');
SELECT name FROM settings WHERE value = 'it''s; fine';
