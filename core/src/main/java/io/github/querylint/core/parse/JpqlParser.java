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

    public ParseOutcome parse(String jpql) {
        String text = Placeholders.rewrite(jpql.strip());
        Errors errors = new Errors();
        try {
            HqlLexer lexer = new HqlLexer(CharStreams.fromString(text));
            lexer.removeErrorListeners();
            lexer.addErrorListener(errors);
            HqlParser parser = new HqlParser(new CommonTokenStream(lexer));
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
                parser = new HqlParser(new CommonTokenStream(lexer));
                parser.removeErrorListeners();
                parser.addErrorListener(errors);
                parser.getInterpreter().setPredictionMode(PredictionMode.LL);
                statement = parser.statement();
            }
            if (!errors.messages.isEmpty()) {
                return errors.messages.get(0);
            }
            return new ParseOutcome.Parsed(new JpqlShapeBuilder().build(statement));
        } catch (RuntimeException | StackOverflowError e) {
            return new ParseOutcome.Failed(SqlParser.oneLine("parser failed: " + e), 0, 0);
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
