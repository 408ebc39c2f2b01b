package io.github.querylint.maven;

import io.github.querylint.core.config.ConfigException;
import io.github.querylint.core.engine.AnalysisRequest;
import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.engine.Baseline;
import io.github.querylint.core.engine.Cache;
import io.github.querylint.core.engine.Warmup;
import io.github.querylint.core.rule.Rules;
import java.io.File;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What the goals share: the parameters that shape a run, and turning them into one analysis. */
abstract class AbstractQueryLintMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${reactorProjects}", readonly = true, required = true)
    protected List<MavenProject> reactorProjects;

    /** Skip QueryLint entirely. In an aggregate run, a module whose POM sets the property {@code querylint.skip} to true is left out. */
    @Parameter(property = "querylint.skip", defaultValue = "false")
    protected boolean skip;

    /** Scan test sources and test resources too (by default only main sources and resources are scanned). */
    @Parameter(property = "querylint.includeTests", defaultValue = "false")
    protected boolean includeTests;

    /**
     * Directories (or files) to scan instead of the defaults: the compile source roots and resource directories
     * of the module (of every module, for {@code aggregate}), without the generated ones under {@code target}.
     */
    @Parameter
    protected List<File> sourceDirectories;

    /** Glob patterns of files to scan, on paths relative to the project (to the top-level project for {@code aggregate}), for example {@code src/main/java/com/acme/dao/**}; none means every file. Added to the {@code includes} of {@code .querylint.yml}. */
    @Parameter
    protected List<String> includes;

    /** Glob patterns of files to leave out, on the same relative paths as {@code includes}, for example {@code **}{@code /legacy/**}. Added to the {@code excludes} of {@code .querylint.yml}. */
    @Parameter
    protected List<String> excludes;

    /**
     * The {@code .querylint.yml} to use, tried in this order: a file (absolute, or relative to the project), a URL,
     * a resource on the plugin's classpath (add the artifact that holds it as a dependency of this plugin). By
     * default the closest {@code .querylint.yml} from the project directory upward, or the built-in defaults.
     */
    @Parameter(property = "querylint.configLocation")
    protected String configLocation;

    /** Rule ids to turn off, for example {@code <disabledRules><disabledRule>select-star</disabledRule></disabledRules>}; wins over {@code .querylint.yml}. */
    @Parameter(property = "querylint.disabledRules")
    protected List<String> disabledRules;

    /**
     * Rule settings as {@code <rule-id>.<key>} elements, where key is {@code enabled}, {@code severity} or one of the
     * rule's options, for example {@code <ruleOptions><excessive-joins.maxJoins>4</excessive-joins.maxJoins></ruleOptions>};
     * each wins over the same key in {@code .querylint.yml}.
     */
    @Parameter
    protected Map<String, String> ruleOptions;

    /** Known findings that neither fail the build nor appear in reports (written by {@code querylint:baseline}); ignored when the file does not exist. */
    @Parameter(property = "querylint.baselineFile", defaultValue = "${project.basedir}/querylint-baseline.json")
    protected File baselineFile;

    /** Keep an analysis cache, so that a re-run analyses only the files that changed (and the files that read their constants). */
    @Parameter(property = "querylint.useCache", defaultValue = "true")
    protected boolean useCache;

    /** Where the analysis cache lives ({@code mvn clean} removes it). */
    @Parameter(property = "querylint.cacheDirectory", defaultValue = "${project.build.directory}/querylint/cache")
    protected File cacheDirectory;

    /**
     * Keep a copy of each module's analysis cache outside {@code target} (in {@code sharedCacheDirectory}), so that a
     * {@code clean} build, or a fresh checkout in the same directory, starts from it and analyses only what changed.
     * A copy is checked file by file as the cache itself is: it saves time and never changes a report.
     */
    @Parameter(property = "querylint.useSharedCache", defaultValue = "true")
    protected boolean useSharedCache;

    /**
     * Where the copies of the modules' caches live; by default {@code .cache/querylint} in the local repository
     * (where a CI job that caches the local repository keeps it too). Copies unused for 30 days are removed.
     */
    @Parameter(property = "querylint.sharedCacheDirectory")
    protected File sharedCacheDirectory;

    /** The encoding of the source files. */
    @Parameter(property = "querylint.encoding", defaultValue = "${project.build.sourceEncoding}")
    protected String encoding;

    /** What one run scans ({@code directories}) and what report paths are relative to ({@code root}). */
    protected record Scope(Path root, List<Path> directories) {
    }

    /** This module's sources. */
    protected Scope moduleScope() {
        return new Scope(project.getBasedir().toPath(), configured().orElseGet(() -> sourceRoots(project)));
    }

    /** Every reactor module's sources, relative to the execution root directory. */
    protected Scope reactorScope() {
        List<Path> dirs = configured().orElseGet(() -> reactorProjects.stream()
                .filter(p -> !Boolean.parseBoolean(p.getProperties().getProperty("querylint.skip", "false")))
                .flatMap(p -> sourceRoots(p).stream()).distinct().toList());
        return new Scope(Path.of(session.getExecutionRootDirectory()).toAbsolutePath().normalize(), dirs);
    }

    /**
     * Whether this project runs a reactor-wide goal: the execution root, or (when that is not in the reactor, as
     * with {@code -pl}) the first project. Aggregator goals bound in an inherited POM run in every module otherwise.
     */
    protected boolean isAggregationRoot() {
        boolean rootInReactor = reactorProjects.stream().anyMatch(MavenProject::isExecutionRoot);
        return rootInReactor ? project.isExecutionRoot() : project == reactorProjects.get(0);
    }

    private Optional<List<Path>> configured() {
        if (sourceDirectories == null || sourceDirectories.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(existing(sourceDirectories.stream().map(File::toPath)));
    }

    protected List<Path> sourceRoots(MavenProject p) {
        List<String> roots = new ArrayList<>(p.getCompileSourceRoots());
        p.getResources().forEach(r -> roots.add(((Resource) r).getDirectory()));
        if (includeTests) {
            roots.addAll(p.getTestCompileSourceRoots());
            p.getTestResources().forEach(r -> roots.add(((Resource) r).getDirectory()));
        }
        // generated sources are nobody's to fix, and exist only after generate-sources ran
        Path build = Path.of(p.getBuild().getDirectory()).toAbsolutePath().normalize();
        return existing(roots.stream().map(Path::of)).stream().filter(d -> !d.startsWith(build)).toList();
    }

    private static List<Path> existing(Stream<Path> paths) {
        return paths.filter(Files::exists).map(d -> d.toAbsolutePath().normalize()).distinct().toList();
    }

    /**
     * In a build that analyses afresh, have Maven's JVM compile QueryLint's code and its parsers with C1 only, its
     * quick compiler, through a compiler directive that matches only their packages: javac and the other plugins keep
     * C2. On two cores that the build keeps busy, this takes about half the JIT work the check adds off the build's
     * CPU (see docs/performance.md). Nothing changes in a JVM that is not HotSpot, has tiered compilation off, or
     * already holds compiler directives of its own. Only speed is at stake: reports are the same either way.
     */
    @Parameter(property = "querylint.quickJit", defaultValue = "true")
    protected boolean quickJit;

    /** Decided once per build (per plugin class loader), at the first execution. */
    private static final AtomicBoolean WARMUP_DECIDED = new AtomicBoolean();

    /**
     * At the first execution of a build that will parse files, starts loading the parsers on a background thread
     * (see {@link Warmup}), so that it overlaps the compilation of the first module; a build whose caches are all
     * there and not cleaned does nothing.
     */
    protected void warmUpOnce() {
        if (!WARMUP_DECIDED.compareAndSet(false, true) || Ahead.started()) {
            return; // the analysis ahead of later modules loads the parsers as it goes
        }
        List<Path> cacheFiles = cacheDirectory == null ? List.of() : cacheFilesToCome();
        if (ColdBuild.ahead(session.getGoals(), useCache && cacheDirectory != null, cacheFiles, sharedCache(),
                analyzer()::cacheFromThisBuild)) {
            Warmup.startInBackground(this::quickJitOnce);
        }
    }

    /** Tells {@link #warmUpOnce} that every check of this build starts from a cache: it need not look again. */
    protected static void warmUpNotNeeded() {
        WARMUP_DECIDED.set(true);
    }

    /** Applies {@link #quickJit} once per build; to be run before the parsers' first use, off Maven's thread. */
    protected void quickJitOnce() {
        if (quickJit) {
            String outcome = QuickJit.applyOnce();
            getLog().debug("QueryLint: C1 only for its code (querylint.quickJit): " + outcome);
        }
    }

    /**
     * The cache files of the runs of this goal that this build has still to make, this one's first; a run without
     * its file analyses afresh. Needs a cacheDirectory.
     */
    protected List<Path> cacheFilesToCome() {
        return List.of(cacheDirectory.toPath().resolve(Cache.FILE_NAME));
    }

    /** Another module's cache file, where this module's is (see {@link ColdBuild#cacheFile}); needs a cacheDirectory. */
    protected Path cacheFileOf(MavenProject p) {
        return ColdBuild.cacheFile(cacheDirectory.toPath(), Path.of(project.getBuild().getDirectory()),
                project.getBasedir().toPath(), Path.of(p.getBuild().getDirectory()), p.getBasedir().toPath());
    }

    protected Analyzer analyzer() {
        // found once per plugin class loader: every module of a reactor shares them
        return new Analyzer(Rules.installed(getClass().getClassLoader()));
    }

    protected Baseline readBaseline() throws MojoExecutionException {
        try {
            return baselineFile != null && baselineFile.isFile() ? Baseline.read(baselineFile.toPath()) : Baseline.EMPTY;
        } catch (ConfigException e) {
            throw new MojoExecutionException("QueryLint: " + e.getMessage(), e);
        }
    }

    /** Runs the analysis of {@code scope}; configuration and encoding problems are tool errors. */
    protected AnalysisResult analyze(Analyzer analyzer, Scope scope, Baseline baseline) throws MojoExecutionException {
        try {
            Cache cache = cache();
            usedCache = cache;
            AnalysisResult result = analyzer.analyze(request(analyzer, scope, baseline, project.getBasedir().toPath(),
                    charset(), Runtime.getRuntime().availableProcessors(), true), cache);
            if (cache.enabled()) {
                getLog().debug("QueryLint cache: " + cache.lastRun().reused() + " files reused, "
                        + cache.lastRun().analysed() + " analysed");
                SharedCache shared = sharedCache();
                shared.keep(cacheDirectory.toPath(), session.getStartTime() == null ? 0 : session.getStartTime().getTime());
                if (EVICTION_DONE.compareAndSet(false, true)) {
                    shared.evictStale();
                }
            }
            return result;
        } catch (ConfigException e) {
            throw new MojoExecutionException("QueryLint configuration error: " + e.getMessage(), e);
        }
    }

    /** The cache the last {@link #analyze} used. */
    protected Cache usedCache = Cache.NONE;

    /** Decided once per build (per plugin class loader): old copies of caches are removed after the first analysis. */
    private static final AtomicBoolean EVICTION_DONE = new AtomicBoolean();

    /**
     * The cache this goal's run uses: the one in {@code cacheDirectory}, put back from {@link #sharedCache()} when a
     * clean removed it.
     */
    protected Cache cache() {
        if (!useCache || cacheDirectory == null) {
            return Cache.NONE;
        }
        sharedCache().restore(cacheDirectory.toPath()).ifPresent(copy -> getLog().debug(
                "QueryLint: starting from the copy of the cache kept in " + copy.getParent()));
        return Cache.in(cacheDirectory.toPath());
    }

    /** Made once per execution: {@link #sharedCache()}. */
    private SharedCache sharedCache;

    /** Where the copies of the caches are kept, or a disabled store. */
    protected SharedCache sharedCache() {
        if (sharedCache == null) {
            sharedCache = makeSharedCache();
        }
        return sharedCache;
    }

    private SharedCache makeSharedCache() {
        if (!useCache || !useSharedCache || cacheDirectory == null) {
            return SharedCache.in(null);
        }
        if (sharedCacheDirectory != null) {
            return SharedCache.in(sharedCacheDirectory.toPath(), this::moduleKey);
        }
        File local = session.getRepositorySession() == null || session.getRepositorySession().getLocalRepository() == null
                ? null : session.getRepositorySession().getLocalRepository().getBasedir();
        return SharedCache.in(local == null ? null : local.toPath().resolve(".cache").resolve("querylint"), this::moduleKey);
    }

    /**
     * The key of a reactor module's cache directory (absolute, normalized) that names the module wherever it is checked
     * out: its coordinates, and the cache directory relative to the module (the goal's, as this goal's is to this
     * module); null for a directory of no module.
     */
    private String moduleKey(Path cacheDirectory) {
        List<MavenProject> modules = reactorProjects == null || reactorProjects.isEmpty() ? List.of(project) : reactorProjects;
        for (MavenProject p : modules) {
            Path dir = cacheFileOf(p).getParent().toAbsolutePath().normalize();
            if (dir.equals(cacheDirectory)) {
                Path base = p.getBasedir().toPath().toAbsolutePath().normalize();
                String where = dir.startsWith(base) ? base.relativize(dir).toString().replace('\\', '/') : dir.toString();
                return p.getGroupId() + ":" + p.getArtifactId() + ":" + getClass().getSimpleName() + ":" + where;
            }
        }
        return null;
    }

    /**
     * What one run analyses and how, with this goal's parameters.
     *
     * @param base the project directory a relative {@code configLocation} is resolved against
     * @param log  whether to say which configuration file was read
     */
    protected AnalysisRequest request(Analyzer analyzer, Scope scope, Baseline baseline, Path base, Charset charset,
                                      int threads, boolean log) {
        return requestSettings().request(analyzer, scope.root(), scope.directories(), baseline, base, charset, threads,
                getClass().getClassLoader(), log ? getLog()::info : null);
    }

    /** This goal's parameters that shape a request, free of Maven's API (a JVM analysing ahead builds the same). */
    protected RequestSettings requestSettings() {
        return new RequestSettings(configLocation, disabledRules, ruleOptions, includes, excludes);
    }

    private Charset charset() throws MojoExecutionException {
        if (encoding == null || encoding.isBlank()) {
            getLog().warn("QueryLint: file encoding has not been set, using platform encoding " + Charset.defaultCharset()
                    + "; set project.build.sourceEncoding");
            return Charset.defaultCharset();
        }
        try {
            return Charset.forName(encoding.strip());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("QueryLint: unknown encoding '" + encoding + "'; set querylint.encoding"
                    + " (or project.build.sourceEncoding) to a charset name such as UTF-8", e);
        }
    }
}
