def log = new File(basedir, 'build.log').text
def config = new File(basedir, '.querylint.yml').absolutePath
// 1. file, line and key
assert log.contains('QueryLint configuration error: ' + config + ":4: rules.excessive-joins.maxJoin: unknown option of excessive-joins; known: enabled, severity, maxJoins")
// 2. what was tried, and what to do
assert log.contains("QueryLint configuration error: configLocation 'config/team.yml' is neither a file (looked for "
        + new File(basedir, 'config/team.yml').absolutePath + "), nor a URL, nor a resource on the plugin's classpath")
// 3. the formats there are
// (the list grows with the reporters core knows)
assert log =~ /QueryLint: unknown format 'xml' in formats; known formats are [a-z, ]*json, [a-z, ]*sarif/
// tool errors, never findings
assert log.contains('MojoExecutionException')
assert !log.contains('MojoFailureException')
return true
