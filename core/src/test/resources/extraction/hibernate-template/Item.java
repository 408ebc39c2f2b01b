package shop.legacy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;

@Entity
@NamedQuery(name = "Item.bySupplier", query = "select i from Item i where i.supplier = :supplier")
public class Item {

    @Id
    private Long id;

    private String sku;

    private String supplier;

    private int quantity;
}
