def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'querylint-baseline.json')
assert log.contains('QueryLint: wrote 3 findings to ' + file.absolutePath)
def baseline = new groovy.json.JsonSlurper().parse(file)
assert baseline.findings.collect { it.ruleId } == ['excessive-joins', 'select-star', 'unbounded-result']
assert baseline.findings.every { it.path == 'src/main/java/shop/BuyerDao.java' && it.fingerprint }
assert !file.text.contains('"line"') // no line numbers: moving code keeps the baseline valid

// only the new finding is reported and fails the build
assert log.contains('QueryLint: 1 error, 0 warnings, 0 notes in 2 queries of 2 files (0 suppressed, 3 in baseline)')
assert log.contains('NewDao.java:[21,')
assert !log.contains('BuyerDao.java:[')
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/querylint/querylint.sarif'))
assert sarif.runs[0].results.collect { it.locations[0].physicalLocation.artifactLocation.uri } == ['src/main/java/shop/NewDao.java']
return true
