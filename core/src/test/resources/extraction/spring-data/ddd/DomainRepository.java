package shop.ddd;

public interface DomainRepository<T, ID> {

    T findById(ID id);
}
