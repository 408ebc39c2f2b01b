#
# Licensed under the Apache License, Version 2.0 (the
# "License"); you may not use this file except in compliance with it.
#
SET @engine_stmt = 'SET default_storage_engine=INNODB';
PREPARE statement FROM @engine_stmt;
EXECUTE statement;
DEALLOCATE PREPARE statement;
SELECT id FROM registries WHERE name = 'default';
