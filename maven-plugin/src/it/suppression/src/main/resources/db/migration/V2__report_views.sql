CREATE TABLE orders_archive (id BIGINT PRIMARY KEY, total NUMERIC(10, 2));
-- the view mirrors the table on purpose
CREATE VIEW orders_view AS SELECT * FROM orders; -- noqa: AM04
CREATE VIEW customers_view AS SELECT * FROM customers; -- querylint:ignore select-star -- reporting mirror
