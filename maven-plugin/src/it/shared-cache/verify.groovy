def log = new File(basedir, 'build.log').text

['invoices', 'customers'].each { module ->
    def cold = new File(basedir, module + '/reports-cold/querylint.json')
    ['kept', 'off'].each { run ->
        def other = new File(basedir, module + '/reports-' + run + '/querylint.json')
        assert cold.isFile() && other.isFile()
        // the same report, whether the module started from the kept copy or from nothing
        assert other.text == cold.text
    }
}
// run 2 started both modules from their copies and analysed nothing; run 3 analysed both afresh;
// runs 4 and 5 analysed nothing
assert log.count('starting from the copy of the cache kept in') == 2
assert log.count('QueryLint cache: 2 files reused, 0 analysed') == 3
assert log.count('QueryLint cache: 1 files reused, 0 analysed') == 3
assert log.count('QueryLint cache: 0 files reused, 2 analysed') == 1
assert log.count('QueryLint cache: 0 files reused, 1 analysed') == 1
// run 4 changed nothing and wrote no report; run 5 asked for another format and wrote it
assert log.count('nothing changed since the reports were written') == 2
['invoices', 'customers'].each { module ->
    assert new File(basedir, module + '/reports-off/querylint.txt').isFile()
    assert new File(basedir, module + '/target/querylint/cache/reports.stamp').text.contains('querylint.txt')
}
// the copies are in the configured place, two per module: by the path of its cache, and by its coordinates
def kept = new File(basedir, 'kept-caches').listFiles().findAll { new File(it, 'querylint-cache.bin').isFile() }
assert kept.size() == 4
assert kept.count { it.name.startsWith('m') } == 2
// the reports hold the findings
assert new File(basedir, 'invoices/reports-kept/querylint.json').text.contains('select-star')
assert new File(basedir, 'customers/reports-kept/querylint.json').text.contains('unbounded-result')
return true
