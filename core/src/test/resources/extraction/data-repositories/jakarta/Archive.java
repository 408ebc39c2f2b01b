package lib.jakarta;

import java.util.List;

class Archive {

    private final PaperRepository papers;

    Archive(PaperRepository papers) {
        this.papers = papers;
    }

    List<String> titles() {
        return papers.findAll().map(Object::toString).toList();
    }
}
