def log = new File(basedir, 'build.log').text
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/querylint/querylint.json'))
// the one query nobody accepted is still reported; the suppressed ones are counted, not shown
assert json.findings.collect { [it.ruleId, it.path, it.query] } == [
        ['select-star', 'src/main/java/shop/ReportDao.java', 'SELECT * FROM suppliers WHERE id = ?']]
assert json.summary.suppressed == 7
assert log.contains('QueryLint: 0 errors, 1 warning, 0 notes in ')
assert log.contains('(7 suppressed, 0 in baseline)')
assert log.contains('[WARNING] ' + new File(basedir, 'src/main/java/shop/ReportDao.java').absolutePath + ':[')
return true
