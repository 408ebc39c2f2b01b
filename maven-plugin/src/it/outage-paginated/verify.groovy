def log = new File(basedir, 'build.log').text
assert log.contains('QueryLint: 0 errors, 0 warnings, 0 notes in 1 query of 1 file')
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/querylint/querylint.sarif'))
assert sarif.runs[0].results.isEmpty()
assert sarif.runs[0].tool.driver.rules.collect { it.id }.containsAll(['select-star', 'unbounded-result', 'missing-pagination', 'excessive-joins', 'parse-error'])
return true
