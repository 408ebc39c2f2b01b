package io.github.querylint.maven;

import io.github.querylint.core.engine.AnalysisResult;
import io.github.querylint.core.engine.Analyzer;
import io.github.querylint.core.engine.Baseline;
import io.github.querylint.core.engine.Cache;
import io.github.querylint.core.report.Report;
import io.github.querylint.core.report.ReportContext;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Reviews the queries in this module's main sources and resources (Java, mapper XML, SQL migrations), logs one
 * line per finding, writes reports to {@code outputDirectory}, and fails the build when more than
 * {@code maxAllowedViolations} findings reach {@code failOnSeverity}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.NONE)
public class CheckMojo extends AbstractGateMojo {

    /** This plugin, as a module's build names it. */
    static final String PLUGIN_KEY = "io.github.querylint:querylint-maven-plugin";

    /** The command-line goals and phases after which the {@code verify} phase (and so {@code check}) runs. */
    private static final Set<String> REACHING_VERIFY = Set.of("verify", "install", "deploy");

    /**
     * In a multi-module build, analyse the modules whose {@code check} is still to come in the background (in a JVM
     * of its own, see {@code forkAhead}) while Maven builds the ones before them (one module at a time, on one
     * thread), so that their {@code check} finds the work done. What changes in between is analysed again at the module's turn: the reports are the same either
     * way. Only in a build that analyses afresh (a module with no cache to start from, in {@code target} or kept outside it): otherwise each
     * check reuses its cache in milliseconds. Needs {@code useCache}; {@code false} analyses every module at its own
     * turn only.
     */
    @Parameter(property = "querylint.analyzeAhead", defaultValue = "true")
    protected boolean analyzeAhead;

    /**
     * Analyse ahead in a JVM of its own, started with C1 alone and the serial collector (as the CLI runs), rather
     * than on a thread of Maven's JVM: the analysis then no longer allocates in Maven's heap, loads its parsers into
     * Maven's JVM or queues work for Maven's compilers (see docs/performance.md). Each module's check starts from what
     * that JVM wrote, as from its own cache file, so the reports are the same either way. {@code false} analyses
     * ahead on a thread of Maven's JVM.
     */
    @Parameter(property = "querylint.forkAhead", defaultValue = "true")
    protected boolean forkAhead;

    /** Decided once per build (per plugin class loader), at the first execution of {@code check}. */
    private static final AtomicBoolean AHEAD_DECIDED = new AtomicBoolean();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("QueryLint skipped (querylint.skip)");
            return;
        }
        startAheadOnce();
        gate(moduleScope());
    }

    @Override
    protected Cache cache() {
        Cache cache = super.cache();
        if (!cache.enabled()) {
            return cache;
        }
        return Ahead.take(cacheDirectory.toPath()).map(snapshot -> {
            getLog().debug("QueryLint: starting from the analysis done ahead of this module (" + snapshot.files() + " files)");
            return cache.startingFrom(snapshot);
        }).orElse(cache);
    }

    /** At the first check of a build that goes on to other modules' checks, starts analysing those. */
    private void startAheadOnce() throws MojoExecutionException {
        if (!AHEAD_DECIDED.compareAndSet(false, true) || !analyzeAhead || !useCache || cacheDirectory == null
                || session.getGoals().stream().noneMatch(g -> REACHING_VERIFY.contains(g) || g.endsWith(":check"))) {
            return;
        }
        // a clean removes each module's cache only at the module's turn: the thread must not read it before
        boolean fresh = ColdBuild.cleans(session.getGoals());
        SharedCache shared = sharedCache();
        // a cache another build of QueryLint wrote (before an upgrade) is none: its module is analysed afresh
        Analyzer analyzer = analyzer();
        java.util.function.Predicate<Path> fromThisBuild = analyzer::cacheFromThisBuild;
        // each module's source roots worked out once: a no-change build decides from the cache files alone
        List<MavenProject> later = modulesToCheck(reactorProjects.indexOf(project) + 1);
        List<Path> cacheFiles = new ArrayList<>(later.size());
        for (MavenProject p : later) {
            cacheFiles.add(cacheFileOf(p));
        }
        // when every cache is there and nothing is cleaned, each check reuses its cache in milliseconds:
        // the thread would only add work
        if (!ColdBuild.ahead(session.getGoals(), true, cacheFiles, shared, fromThisBuild)) {
            if (sourceRoots(project).isEmpty()
                    || ColdBuild.startsFromCache(fresh, cacheFileOf(project), shared, fromThisBuild)) {
                // this module's check starts from a cache too: nothing in this build parses, nothing to warm up
                warmUpNotNeeded();
            }
            // not in a build that cleans: the copy must not race the module's clean for its cache file
            if (!fresh && !later.isEmpty()) {
                getLog().debug("QueryLint: every check starts from its cache; rehearsing the check of " + later.get(0).getArtifactId()
                        + " from a copy of its cache");
                rehearseFromCache(moduleRun(later.get(0)), cacheFiles.get(0));
            }
            return;
        }
        List<Ahead.Job> jobs = new ArrayList<>();
        List<AheadJvm.Spec> specs = new ArrayList<>();
        RequestSettings settings = requestSettings();
        Map<Path, ModuleRun> runs = new HashMap<>();
        for (int i = 0; i < later.size(); i++) {
            Path cacheFile = cacheFiles.get(i);
            Path dir = cacheFile.getParent();
            if ((fresh || !Files.isRegularFile(cacheFile))
                    && ColdBuild.startsFromCache(true, cacheFile, shared, fromThisBuild)) {
                continue; // its check starts from the copy kept outside target, and analyses only what changed
            }
            ModuleRun run = moduleRun(later.get(i));
            runs.put(dir, run);
            // one thread: the other core is Maven's; the baseline is applied at the module's own check
            jobs.add(new Ahead.Job(dir, fresh, c -> run.analyze(this, c)));
            specs.add(new AheadJvm.Spec(dir.toString(), fresh, run.scope().root().toString(),
                    run.scope().directories().stream().map(Path::toString).toList(), run.base().toString(),
                    run.encodingName(), settings));
        }
        List<Report> reports = reports();
        Ahead.Rehearsal rehearsal = (job, snapshot) -> rehearse(runs.get(job.cacheDirectory()), snapshot, reports);
        java.util.Optional<List<Path>> classPath = forkAhead ? AheadJvm.classPathOf(getClass().getClassLoader())
                : java.util.Optional.empty();
        if (classPath.isPresent() && AheadJvm.start(specs, jobs, classPath.get(), this::quickJitOnce, rehearsal, getLog()::debug)) {
            getLog().debug("QueryLint: analysing " + specs.size() + " modules ahead in a JVM of its own");
        } else {
            Ahead.start(this::quickJitOnce, jobs, rehearsal);
        }
    }

    /** What {@code p}'s check reads, and how. */
    private ModuleRun moduleRun(MavenProject p) {
        return new ModuleRun(new Scope(p.getBasedir().toPath(), sourceRoots(p)), p.getBasedir().toPath(),
                session.getUserProperties().getProperty("querylint.encoding",
                        p.getProperties().getProperty("project.build.sourceEncoding", encoding)));
    }

    /**
     * In a build whose checks all start from their caches, runs the next module's check once on a background thread,
     * from a copy of its cache file in a scratch directory, while Maven builds that module: the classes of a check
     * from a cache load there, and the configuration's context is worked out there, rather than in the first
     * module's check on Maven's thread (about 0.1 s of a 5 s no-change build of the 50-module reactor). Nothing is
     * written outside the scratch directory, and no result depends on it.
     */
    private void rehearseFromCache(ModuleRun run, Path cacheFile) {
        Thread thread = new Thread(() -> {
            Path scratch = null;
            try {
                scratch = Files.createTempDirectory("querylint-rehearsal");
                Files.copy(cacheFile, scratch.resolve(Cache.FILE_NAME));
                run.analyze(this, Cache.in(scratch));
            } catch (IOException | RuntimeException | LinkageError e) {
                getLog().debug("QueryLint: the rehearsal of a check from its cache stopped: " + e);
            } finally {
                if (scratch != null) {
                    AheadJvm.delete(scratch);
                }
            }
        }, "querylint-rehearsal");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** What one module's analysis ahead reads, and how. */
    private record ModuleRun(Scope scope, Path base, String encodingName) {

        AnalysisResult analyze(CheckMojo mojo, Cache cache) {
            Analyzer analyzer = mojo.analyzer();
            Charset charset = encodingName == null || encodingName.isBlank() ? Charset.defaultCharset()
                    : Charset.forName(encodingName.strip());
            return analyzer.analyze(mojo.request(analyzer, scope, Baseline.EMPTY, base, charset, 1, false), cache);
        }
    }

    /**
     * The steps a module's check takes on Maven's thread once its snapshot is there (the analysis from the snapshot,
     * the cache file, the reports), run once on the background thread into a scratch directory, so that their classes
     * are loaded and their code is warmer before the first check needs them (see {@link Ahead.Rehearsal}).
     */
    private void rehearse(ModuleRun run, Cache.Snapshot snapshot, List<Report> reports) throws IOException {
        if (run == null) {
            return;
        }
        Path scratch = Files.createTempDirectory("querylint-rehearsal");
        try {
            AnalysisResult result = run.analyze(this, Cache.in(scratch).startingFrom(snapshot));
            ReportContext context = ReportContext.defaults();
            for (Report report : reports) {
                report.render(result, context);
            }
        } finally {
            AheadJvm.delete(scratch);
        }
    }

    /**
     * The cache files of this module's check and of the later modules' checks: a module without sources, a skipped
     * one, or one that does not run check has none, and is no reason to warm the parsers up.
     */
    @Override
    protected List<Path> cacheFilesToCome() {
        List<Path> files = new ArrayList<>();
        for (MavenProject p : modulesToCheck(reactorProjects.indexOf(project))) {
            files.add(cacheFileOf(p));
        }
        return files;
    }

    /** The reactor modules from {@code from} on whose build runs this goal on sources of their own, not skipped. */
    private List<MavenProject> modulesToCheck(int from) {
        List<MavenProject> modules = new ArrayList<>();
        int start = Math.max(0, Math.min(from, reactorProjects.size()));
        for (MavenProject p : reactorProjects.subList(start, reactorProjects.size())) {
            if (runsCheck(p) && !Boolean.parseBoolean(p.getProperties().getProperty("querylint.skip", "false"))
                    && !sourceRoots(p).isEmpty()) {
                modules.add(p);
            }
        }
        return modules;
    }

    /** Whether a module's build runs this plugin's check goal. */
    static boolean runsCheck(MavenProject p) {
        for (Plugin plugin : p.getBuildPlugins()) {
            if (PLUGIN_KEY.equals(plugin.getKey())
                    && plugin.getExecutions().stream().anyMatch(e -> e.getGoals().contains("check"))) {
                return true;
            }
        }
        return false;
    }
}
