def file = new File(basedir, 'querylint-sizes.yml')
assert file.isFile()
def text = file.text.toLowerCase()
assert text.contains('tables:')
assert text.contains('orders')
assert text.contains('users')
def log = new File(basedir, 'build.log').text
assert log.contains('QueryLint: wrote the sizes of ')
return true
