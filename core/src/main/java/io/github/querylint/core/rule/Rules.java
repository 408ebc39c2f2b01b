package io.github.querylint.core.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.WeakHashMap;

/**
 * The rules installed on a class path, found with {@link ServiceLoader} once per class loader.
 * A Maven build runs the goal once per module in one plugin class loader: scanning the service
 * files, loading and instantiating every rule for each module was a fixed cost of every module.
 * Sharing the instances is safe because rules are pure (see {@link Rule}).
 */
public final class Rules {

    /** Weak keys: a class loader that is gone (a Maven plugin realm disposed of) takes its rules with it. */
    private static final Map<ClassLoader, List<Rule>> INSTALLED = new WeakHashMap<>();

    private Rules() {
    }

    /** Every rule {@code loader} provides, in service-file order; the same list on every call. */
    public static List<Rule> installed(ClassLoader loader) {
        synchronized (INSTALLED) {
            List<Rule> rules = INSTALLED.get(loader);
            if (rules == null) {
                List<Rule> found = new ArrayList<>();
                ServiceLoader.load(Rule.class, loader).forEach(found::add);
                rules = List.copyOf(found);
                INSTALLED.put(loader, rules);
            }
            return rules;
        }
    }
}
