-- a report query written by a code generator
SELECT id, name
FROM ${tableName}
<#if hasTenant>
WHERE tenant_id = ?
</#if>
