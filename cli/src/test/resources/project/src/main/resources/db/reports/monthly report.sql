-- Monthly figures for the finance team (a file name with a space)
SELECT *
  FROM invoices i
  JOIN customers c ON c.id = i.customer_id
 WHERE i.issued_at >= DATE '2026-01-01';

SELECT * FROM invoice_lines; -- noqa: AM04

SELEC total FROM invoices;
