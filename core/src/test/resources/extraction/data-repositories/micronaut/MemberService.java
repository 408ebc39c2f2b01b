package lib.micronaut;

import java.util.List;

class MemberService {

    private final MemberRepository members;
    private final DraftRepository drafts;

    MemberService(MemberRepository members, DraftRepository drafts) {
        this.members = members;
        this.drafts = drafts;
    }

    List<Member> everyone() {
        return members.findAll();
    }

    Iterable<Draft> everyDraft() {
        return drafts.findAll();
    }
}
