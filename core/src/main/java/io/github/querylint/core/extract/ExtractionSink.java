package io.github.querylint.core.extract;

import io.github.querylint.core.finding.Notice;
import io.github.querylint.core.query.QueryUnit;
import java.util.ArrayList;
import java.util.List;

/** Collects what extraction of one file yields. */
public final class ExtractionSink {

    private final List<QueryUnit> units = new ArrayList<>();
    private final List<Notice> notices = new ArrayList<>();

    public void query(QueryUnit unit) {
        units.add(unit);
    }

    public void notice(Notice notice) {
        notices.add(notice);
    }

    public List<QueryUnit> units() {
        return units;
    }

    public List<Notice> notices() {
        return notices;
    }
}
