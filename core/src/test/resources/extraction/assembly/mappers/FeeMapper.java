package shop.assembly.mappers;

import java.sql.ResultSet;
import org.springframework.jdbc.core.RowMapper;

public final class FeeMapper implements RowMapper<Object> {

    public String schema() {
        return " f.id as id, f.amount as amount from m_fee f ";
    }

    @Override
    public Object mapRow(ResultSet rs, int rowNum) {
        return null;
    }
}
