package io.github.querylint.core.parse;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.hibernate.grammars.hql.HqlLexer;
import org.hibernate.grammars.hql.HqlParser;

/**
 * JPQL and HQL over Hibernate's own grammar ({@code org.hibernate.grammars.hql.HqlParser}), so
 * that {@code join fetch}, constructor expressions and HQL functions parse exactly as Hibernate
 * parses them. Hibernate itself is never started.
 */
public final class JpqlParser {

    /** ANTLR cannot be interrupted from outside, so the parser checks this deadline as it reads tokens. */
    private final long timeoutMillis;

    public JpqlParser() {
        this(QueryParser.MIN_JPQL_TIMEOUT_MILLIS);
    }

    public JpqlParser(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    public ParseOutcome parse(String jpql) {
        String text = SqlText.collapseDynamicRuns(Placeholders.rewrite(SqlText.clean(jpql)));
        if (text.isEmpty()) {
            return new ParseOutcome.Skipped("empty statement");
        }
        if (SqlText.wholeDynamic(text)) {
            return new ParseOutcome.Skipped(SqlParser.WHOLE_DYNAMIC);
        }
        ParseOutcome outcome = attempt(text);
        // ANTLR builds its prediction cache lazily and shares it between parses: on a cold JVM the first
        // queries pay seconds for it (7 to 13 s for one ThingsBoard @Query), and an attempt keeps what it built.
        // A query that is merely early gets through on the second attempt; a pathological one times out twice.
        for (int retry = 1; retry < ATTEMPTS && outcome instanceof ParseOutcome.TimedOut; retry++) {
            outcome = attempt(text);
        }
        if (outcome instanceof ParseOutcome.Failed) {
            // a run-time fragment after a complete predicate or after FROM: read it as the predicate it most
            // likely is; the first error stays the one reported when that does not parse either
            String repaired = SqlText.dynamicFragments(text, true);
            if (!repaired.equals(text) && attempt(repaired) instanceof ParseOutcome.Parsed parsed) {
                return parsed;
            }
        }
        return outcome;
    }

    /** How many times a timed-out query is tried: each try continues the prediction cache the last one built. */
    static final int ATTEMPTS = 2;

    private ParseOutcome attempt(String text) {
        Budget deadline = new Budget(timeoutMillis * 1_000_000);
        Errors errors = new Errors();
        try {
            HqlLexer lexer = new HqlLexer(CharStreams.fromString(text));
            lexer.removeErrorListeners();
            lexer.addErrorListener(errors);
            HqlParser parser = new HqlParser(new DeadlineTokenStream(lexer, deadline));
            parser.removeErrorListeners();
            parser.addErrorListener(errors);
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            HqlParser.StatementContext statement = parser.statement();
            if (!errors.messages.isEmpty() && Parentheses.balanced(text)) {
                // SLL is fast but may reject what full LL accepts: retry before giving up (as Hibernate does)
                errors.messages.clear();
                lexer = new HqlLexer(CharStreams.fromString(text));
                lexer.removeErrorListeners();
                lexer.addErrorListener(errors);
                parser = new HqlParser(new DeadlineTokenStream(lexer, deadline));
                parser.removeErrorListeners();
                parser.addErrorListener(errors);
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                statement = parser.statement();
            }
            if (!errors.messages.isEmpty()) {
                return errors.messages.get(0);
            }
            return new ParseOutcome.Parsed(new JpqlShapeBuilder().build(statement));
        } catch (DeadlineTokenStream.Expired e) {
            return new ParseOutcome.TimedOut(timeoutMillis);
        } catch (RuntimeException | StackOverflowError e) {
            return new ParseOutcome.Failed(SqlParser.oneLine("parser failed: " + e), 0, 0);
        }
    }

    /**
     * The time one query may take, counted from its first token read, so that loading the grammar
     * (half a second on a cold JVM) is not charged to the first query. Both prediction passes share it.
     */
    private static final class Budget {
        private final long nanos;
        private long deadline;
        private boolean started;

        Budget(long nanos) {
            this.nanos = nanos;
        }

        boolean expired() {
            long now = System.nanoTime();
            if (!started) {
                started = true;
                deadline = now + nanos;
                return false;
            }
            return now - deadline > 0;
        }
    }

    /**
     * A token stream that gives up once the budget is spent. Prediction reads tokens all the time,
     * but deep nesting makes it work long between reads, so every 16th read looks at the clock.
     */
    private static final class DeadlineTokenStream extends CommonTokenStream {
        private final Budget budget;
        private int reads;

        DeadlineTokenStream(HqlLexer lexer, Budget budget) {
            super(lexer);
            this.budget = budget;
        }

        @Override
        public int LA(int i) {
            if ((reads++ & 0xF) == 0 && budget.expired()) {
                throw new Expired();
            }
            return super.LA(i);
        }

        static final class Expired extends RuntimeException {
            Expired() {
                super("JPQL parse timed out", null, false, false);
            }
        }
    }

    private static final class Errors extends BaseErrorListener {
        final List<ParseOutcome.Failed> messages = new ArrayList<>();

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column, String msg,
                                RecognitionException e) {
            messages.add(new ParseOutcome.Failed(SqlParser.oneLine(msg), line, column + 1));
        }
    }
}
