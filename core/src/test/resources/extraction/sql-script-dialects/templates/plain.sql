-- MySQL comments may start with a hash: # not a template
# select shown in the docs
SELECT id FROM orders WHERE id = ?;
