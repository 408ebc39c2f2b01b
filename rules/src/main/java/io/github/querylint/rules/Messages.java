package io.github.querylint.rules;

import java.util.Collection;
import java.util.stream.Collectors;

/** Small helpers that keep rule messages in one voice. */
final class Messages {

    private Messages() {
    }

    /** {@code `orders`}, {@code `orders`, `users`}. */
    static String names(Collection<String> tables) {
        return tables.stream().map(t -> "`" + t + "`").collect(Collectors.joining(", "));
    }
}
