-- a routine whose body holds semicolons, under the MySQL client's own delimiter
DELIMITER $$
CREATE PROCEDURE touch_customer(IN p_customer BIGINT)
BEGIN
  UPDATE customer SET last_seen = NOW() WHERE id = p_customer;
END$$
DELIMITER ;

-- after it, statements end at ; again and are all read
CREATE OR REPLACE VIEW open_orders AS
SELECT o.* FROM orders o WHERE o.status = 'OPEN';

INSERT INTO orders_archive SELECT id, status FROM orders WHERE created_at < '2019-01-01';
