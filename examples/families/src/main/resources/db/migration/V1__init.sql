--~ L1 expect none
CREATE TABLE customer (id BIGINT PRIMARY KEY, email VARCHAR(255) UNIQUE, country CHAR(2));

--~ L1 expect none
CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT, status VARCHAR(20), number VARCHAR(20), total NUMERIC(12, 2), created_at TIMESTAMP);

--~ L1 expect none
CREATE TABLE invoices (id BIGINT PRIMARY KEY, customer_id BIGINT, status VARCHAR(20), total NUMERIC(12, 2), paid BOOLEAN);

--~ L1 expect select-star
CREATE VIEW open_orders AS SELECT * FROM orders WHERE status = 'OPEN';
