CREATE VIEW account_report AS SELECT owner, count(*) AS n FROM accounts GROUP BY owner;
