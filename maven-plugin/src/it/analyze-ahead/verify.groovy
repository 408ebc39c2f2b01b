def log = new File(basedir, 'build.log').text

['orders', 'users', 'reports'].each { module ->
    def alone = new File(basedir, module + '/target/querylint-alone/querylint.json')
    def ahead = new File(basedir, module + '/target/querylint-ahead/querylint.json')
    assert alone.isFile() && ahead.isFile()
    // the same report, whether the module was analysed at its turn or ahead of it
    assert alone.text == ahead.text
    assert new File(basedir, module + '/target/querylint-ahead/querylint.sarif').text ==
            new File(basedir, module + '/target/querylint-alone/querylint.sarif').text
    // and the module's own check left the cache file for the next build
    assert new File(basedir, module + '/target/querylint-cache-ahead/querylint-cache.bin').isFile()
}
// run 2 took every module's analysis from the thread that ran ahead; run 1 had none
assert log.count('starting from the analysis done ahead of this module') == 3
// the reports hold the findings
assert new File(basedir, 'users/target/querylint-ahead/querylint.json').text.contains('select-star')
assert new File(basedir, 'orders/target/querylint-ahead/querylint.json').text.contains('missing-pagination')
return true
