package shop.service;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.Mock;
import org.springframework.boot.test.mock.mockito.MockBean;
import shop.repo.InvoiceRepository;
import shop.users.UserRepository;

/** A test of the service on stand-ins: no call on a mock runs a query. */
class UserServiceTest {

    @Mock
    private UserRepository users;

    @MockBean
    private InvoiceRepository invoices;

    @Test
    void listsEveryone() {
        when(users.findAll()).thenReturn(List.of());
        assertNotNull(users.findAll());
        verify(invoices).findAll();
        InvoiceRepository local = mock(InvoiceRepository.class);
        assertNotNull(local.findAll());
    }
}
