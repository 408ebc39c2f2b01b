package shop.stock;

@jakarta.persistence.Entity
@org.hibernate.annotations.NamedQuery(name = "Item.inStock", query = "from Item i where i.quantity > 0")
class Item {
}
