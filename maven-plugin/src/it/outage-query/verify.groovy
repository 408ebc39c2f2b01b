def log = new File(basedir, 'build.log').text
assert log.contains('[unbounded-result]')
assert log.contains('BuyerDao.java:[21,')
assert log.contains('QueryLint: 1 error, 2 warnings')
assert log.contains('QueryLint found 1 finding(s) at or above error')
def sarif = new File(basedir, 'target/querylint/querylint.sarif')
assert sarif.isFile()
def json = new groovy.json.JsonSlurper().parse(sarif)
assert json.version == '2.1.0'
def ids = json.runs[0].results.collect { it.ruleId }.sort()
assert ids == ['excessive-joins', 'select-star', 'unbounded-result']
assert json.runs[0].results.every { it.locations[0].physicalLocation.artifactLocation.uri == 'src/main/java/shop/BuyerDao.java' }
assert new File(basedir, 'target/querylint/querylint.json').isFile()
return true
