#set($table = "orders")
SELECT * FROM ${table}
#if($limited)
LIMIT 10
#end
