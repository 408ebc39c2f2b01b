def log = new File(basedir, 'build.log').text
assert log.contains('QueryLint: configuration from classpath:querylint/team.yml')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/querylint/querylint.json'))
assert json.findings.collect { [it.ruleId, it.severity] } == [['select-star', 'error']]
return true
