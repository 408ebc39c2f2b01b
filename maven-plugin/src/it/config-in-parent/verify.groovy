def slurper = new groovy.json.JsonSlurper()
def log = new File(basedir, 'build.log').text
def findings = { module -> slurper.parse(new File(basedir, module + '/target/querylint/querylint.json')).findings.collect { it.ruleId } }
// app: the parent directory's file (maxJoins: 2) applies
assert log.contains('QueryLint: configuration from ' + new File(basedir, '.querylint.yml').absolutePath)
assert findings('app') == ['excessive-joins', 'select-star']
// legacy: its own file is closer and wins (select-star off, the default maxJoins)
assert log.contains('QueryLint: configuration from ' + new File(basedir, 'legacy/.querylint.yml').absolutePath)
assert findings('legacy') == []
return true
