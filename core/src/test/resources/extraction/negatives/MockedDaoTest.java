package shop;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import org.mockito.ArgumentMatchers;
import org.springframework.jdbc.core.JdbcTemplate;

// stubs and verifications on a mocked JdbcTemplate: no query runs here, so there is nothing to review
class MockedDaoTest {

    JdbcTemplate jdbcTemplate;

    void stubs() {
        when(jdbcTemplate.queryForObject(anyString(), eq(Integer.class))).thenReturn(1);
        when(jdbcTemplate.queryForList("SELECT * FROM orders")).thenReturn(List.of());
        given(jdbcTemplate.query(ArgumentMatchers.anyString(), any(org.springframework.jdbc.core.RowMapper.class)))
                .willReturn(List.of());
        doReturn(List.of()).when(jdbcTemplate).queryForList("SELECT * FROM customers");
    }

    void verifications() {
        verify(jdbcTemplate).update(anyString(), any(Object[].class));
        verify(jdbcTemplate).update(eq("DELETE FROM orders WHERE id = ?"), eq(1L));
        then(jdbcTemplate).should().update(anyString());
    }
}
