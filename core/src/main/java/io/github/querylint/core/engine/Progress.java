package io.github.querylint.core.engine;

/**
 * Told by the analyzer after each file of the per-file pass; called from worker threads, so an
 * implementation must be thread-safe and cheap (a CLI throttles what it prints).
 */
@FunctionalInterface
public interface Progress {

    Progress NONE = (done, total) -> { };

    void filesAnalysed(int done, int total);
}
