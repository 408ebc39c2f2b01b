package shop.named;

import java.util.List;

/** Calls of the base's helper: by a constant, by a literal, and by a name built at run time. */
public class VoucherDao extends NamedQueryDao<Voucher> {

    public List<Voucher> ofCampaign(String campaign) {
        return findByNamedQuery(Voucher.BY_CAMPAIGN, campaign);
    }

    public List<Voucher> expired() {
        return findByNamedQuery("Voucher.expired");
    }

    public List<Voucher> byKind(String kind) {
        return findByNamedQuery("Voucher." + kind);
    }
}
