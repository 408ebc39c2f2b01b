def log = new File(basedir, 'build.log').text
assert log.contains('QueryLint skipped (querylint.skip)')
assert !new File(basedir, 'target/querylint/querylint.sarif').exists()

// Even a skipped check costs what Maven pays to set up the plugin: the plugin is one jar, so that Maven reads no
// dependency POMs for it (docs/performance.md). Its POM, as installed, lists nothing a plugin realm would resolve.
def pluginDir = new File(localRepositoryPath, 'io/github/querylint/querylint-maven-plugin')
def poms = []
pluginDir.eachFileRecurse { if (it.name.endsWith('.pom')) poms << it }
assert !poms.isEmpty() : "no installed plugin POM under ${pluginDir}"
poms.each { pom ->
    def project = new groovy.xml.XmlSlurper().parse(pom)
    def resolved = project.dependencies.dependency.findAll { d ->
        def scope = d.scope.text() ?: 'compile'
        scope in ['compile', 'runtime'] && d.optional.text() != 'true'
    }
    assert resolved.isEmpty() : "${pom} lists dependencies Maven resolves for the plugin: " + resolved.collect { it.artifactId.text() }
}
def jar = new java.util.jar.JarFile(poms[0].path.replace('.pom', '.jar'))
try {
    // the parsers and the rules travel inside it, found as services
    ['com/github/javaparser/StaticJavaParser.class', 'net/sf/jsqlparser/parser/CCJSqlParserUtil.class',
     'org/hibernate/grammars/hql/HqlParser.class', 'META-INF/services/io.github.querylint.core.rule.Rule',
     'META-INF/services/java.sql.Driver'].each { assert jar.getEntry(it) != null : "${it} missing from the plugin jar" }
    assert jar.getEntry('org/hibernate/Session.class') == null : 'only the HQL grammar of hibernate-core belongs in the jar'
} finally {
    jar.close()
}
return true
