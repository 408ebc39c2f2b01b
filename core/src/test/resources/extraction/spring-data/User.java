package shop.users;

import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;

@Entity
@NamedQuery(name = "User.findByTeamName", query = "select u from User u join u.team t where t.name = ?1")
@NamedQuery(name = "User.byEmailDomain", query = "select u from User u where u.email like concat('%@', ?1)")
public class User {
}
