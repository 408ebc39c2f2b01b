package demo.data;

import java.util.List;
import org.springframework.data.domain.PageRequest;

class CustomerService {

    private final CustomerRepository customers;

    CustomerService(CustomerRepository customers) {
        this.customers = customers;
    }

    List<Customer> everyone() {
        // the inherited findAll() reads the whole table
        //~ L1 expect unbounded-result
        return customers.findAll();
    }

    List<Customer> somePage() {
        //~ L1 expect none
        return customers.findAll(PageRequest.of(0, 20)).getContent();
    }
}
