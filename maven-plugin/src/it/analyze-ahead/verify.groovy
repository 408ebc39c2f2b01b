def log = new File(basedir, 'build.log').text

['orders', 'users', 'reports'].each { module ->
    def alone = new File(basedir, module + '/target/querylint-alone/querylint.json')
    ['ahead', 'thread'].each { run ->
        def ahead = new File(basedir, module + "/target/querylint-${run}/querylint.json")
        assert alone.isFile() && ahead.isFile()
        // the same report, whether the module was analysed at its turn or ahead of it, in a JVM of its own or not
        assert alone.text == ahead.text
        assert new File(basedir, module + "/target/querylint-${run}/querylint.sarif").text ==
                new File(basedir, module + '/target/querylint-alone/querylint.sarif').text
        // and the module's own check left the cache file for the next build
        assert new File(basedir, module + "/target/querylint-cache-${run}/querylint-cache.bin").isFile()
    }
}
// runs 2 and 3 took every module's analysis from what ran ahead; run 1 had none
assert log.count('starting from the analysis done ahead of this module') == 6
// runs 2 to 4 (the debug log is theirs) analysed nothing at the modules' turn
assert log.count(' analysed') > 0 && !(log =~ /QueryLint cache: \d+ files reused, [1-9]/)
// run 4 changed nothing: nothing ran ahead, the first module's check was rehearsed from a copy of its cache, and the
// reports stand (compared with run 1's above)
assert log.count("every check starts from its cache; rehearsing the check of orders from a copy of its cache") == 1
// run 2 in a JVM of its own, run 3 on a thread
assert log.count('analysing 3 modules ahead in a JVM of its own') == 1
// the reports hold the findings
assert new File(basedir, 'users/target/querylint-ahead/querylint.json').text.contains('select-star')
assert new File(basedir, 'orders/target/querylint-ahead/querylint.json').text.contains('missing-pagination')
return true
