<#include "/common/sql/menu_insert.ftl">
INSERT INTO sys_permission (id, name, url) VALUES ('${id}', '${entityName}', '/${entityPackage}/list');
