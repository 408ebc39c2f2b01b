-- Oracle PL/SQL: a stored unit and an anonymous block each end at the / line, not at their inner semicolons
CREATE OR REPLACE PROCEDURE close_stale_orders(p_days IN NUMBER) AS
BEGIN
  UPDATE orders SET status = 'CLOSED' WHERE created_at < SYSDATE - p_days;
  COMMIT;
EXCEPTION
  WHEN OTHERS THEN
    ROLLBACK;
END close_stale_orders;
/

BEGIN
  FOR r IN (SELECT object_name FROM user_objects WHERE object_type = 'VIEW') LOOP
    EXECUTE IMMEDIATE 'DROP VIEW ' || r.object_name;
  END LOOP;
END;
/

SELECT id FROM orders WHERE status = 'OPEN';

CREATE FUNCTION to_day(s IN VARCHAR2) RETURN DATE IS d DATE; BEGIN d := TO_DATE(s, 'YYYY-MM-DD'); RETURN d; EXCEPTION WHEN others THEN RETURN null; END;/

SELECT id FROM orders WHERE status = 'CLOSED';
