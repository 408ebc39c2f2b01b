--~ L2 expect none
CREATE VIEW product_revenue AS
SELECT p.id, p.name, SUM(l.quantity * l.unit_price) AS revenue
FROM products p JOIN order_lines l ON l.product_id = p.id
GROUP BY p.id, p.name;

--~ L1 expect select-star unindexed-filter
CREATE VIEW recent_orders AS SELECT * FROM orders WHERE created_at > CURRENT_DATE - 30;
