CREATE VIEW order_report AS SELECT * FROM orders;
