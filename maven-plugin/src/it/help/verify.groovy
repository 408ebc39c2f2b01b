def log = new File(basedir, 'build.log').text
// the goal list
['querylint:check', 'querylint:aggregate', 'querylint:baseline', 'querylint:help'].each { assert log.contains(it) }
// one goal in detail, with its parameters' javadoc and user properties
assert log.contains('failOnSeverity (Default: error)')
assert log.contains('The lowest severity that counts against the build')
assert log.contains('User property: querylint.failOnSeverity')
assert log.contains('ruleOptions')
assert log.contains('configLocation')
return true
