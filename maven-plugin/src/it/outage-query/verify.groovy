def log = new File(basedir, 'build.log').text
assert log.contains('[unbounded-result]')
assert log.contains('[ERROR] ' + new File(basedir, 'src/main/java/shop/BuyerDao.java').absolutePath + ':[21,')
assert log.contains('QueryLint: 1 error, 2 warnings')
assert log.contains('QueryLint found 1 finding at or above error (0 allowed); fix it')
assert log.contains('(0 suppressed, 0 in baseline)')
def sarif = new File(basedir, 'target/querylint/querylint.sarif')
assert sarif.isFile()
def json = new groovy.json.JsonSlurper().parse(sarif)
assert json.version == '2.1.0'
def ids = json.runs[0].results.collect { it.ruleId }.sort()
assert ids == ['excessive-joins', 'select-star', 'unbounded-result']
assert json.runs[0].results.every { it.locations[0].physicalLocation.artifactLocation.uri == 'src/main/java/shop/BuyerDao.java' }
assert new File(basedir, 'target/querylint/querylint.json').isFile()
return true
