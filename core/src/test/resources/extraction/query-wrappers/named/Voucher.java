package shop.named;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;

@Entity
@NamedQuery(name = Voucher.BY_CAMPAIGN, query = "select v from Voucher v where v.campaign = ?1")
@NamedQuery(name = "Voucher.expired", query = "select v from Voucher v where v.expired = true")
public class Voucher {

    public static final String BY_CAMPAIGN = "Voucher.byCampaign";

    @Id
    private Long id;
}
