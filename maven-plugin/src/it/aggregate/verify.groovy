def slurper = new groovy.json.JsonSlurper()
def log = new File(basedir, 'build.log').text

// one SARIF file with one run, at the top, paths relative to the top-level directory
def sarif = slurper.parse(new File(basedir, 'target/querylint/querylint.sarif'))
assert sarif.runs.size() == 1
assert sarif.runs[0].results.isEmpty() // run 3, with the baseline
assert !new File(basedir, 'orders/target/querylint').exists()
assert !new File(basedir, 'users/target/querylint').exists()

// run 1 failed on the reactor's one error and reported both modules
assert log.contains('[ERROR] ' + new File(basedir, 'orders/src/main/java/shop/orders/OrderDao.java').absolutePath + ':[20,')
assert log.contains('[WARNING] ' + new File(basedir, 'users/src/main/resources/shop/users/UserMapper.xml').absolutePath + ':[4,')
assert log.contains('QueryLint: 1 error, 1 warning, 0 notes in 2 queries of 3 files (0 suppressed, 0 in baseline)')

// run 2 wrote one baseline for the reactor, with top-level-relative paths
def baseline = slurper.parse(new File(basedir, 'querylint-baseline.json'))
assert baseline.findings.collect { [it.ruleId, it.path] } == [
        ['unbounded-result', 'orders/src/main/java/shop/orders/OrderDao.java'],
        ['select-star', 'users/src/main/resources/shop/users/UserMapper.xml']]
assert !new File(basedir, 'orders/querylint-baseline.json').exists()

// run 3 ran once, in the top-level project, and passed
assert log.contains('QueryLint: 0 errors, 0 warnings, 0 notes in 2 queries of 3 files (0 suppressed, 2 in baseline)')
assert log.count('(0 suppressed, 2 in baseline)') == 1
return true
