def slurper = new groovy.json.JsonSlurper()
def main = slurper.parse(new File(basedir, 'target/querylint/querylint.sarif')).runs[0]
def located = { run -> run.results.collect { [it.ruleId, it.locations[0].physicalLocation.artifactLocation.uri, it.locations[0].physicalLocation.region.startLine] } }
assert located(main) == [
        ['select-star', 'src/main/resources/db/migration/V2__reporting.sql', 1],
        ['select-star', 'src/main/resources/shop/mapper/OrderMapper.xml', 5],
        // linked to OrderMapper.findAll(), which returns a List
        ['unbounded-result', 'src/main/resources/shop/mapper/OrderMapper.xml', 5]]
def withTests = slurper.parse(new File(basedir, 'target/querylint-with-tests/querylint.sarif')).runs[0]
assert located(withTests) == located(main) + [['select-star', 'src/test/java/shop/OrderFixtures.java', 11]]
return true
