def log = new File(basedir, 'build.log').text
// 1. report only
assert log.contains('QueryLint found 1 finding at or above error (0 allowed); failOnViolation is false, so the build goes on')
// 2. a warning threshold with an allowance
assert log.contains('QueryLint found 3 findings at or above warning (2 allowed); fix them')
// 3. rule settings from the POM: only select-star is left, now an error
assert log.contains('QueryLint found 1 finding at or above error (0 allowed); fix it')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/querylint/querylint.json'))
assert json.findings.collect { [it.ruleId, it.severity] } == [['select-star', 'error']]
return true
