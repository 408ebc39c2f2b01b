def log = new File(basedir, 'build.log').text
assert log.contains('QueryLint skipped (querylint.skip)')
assert !new File(basedir, 'target/querylint/querylint.sarif').exists()
return true
