package shop.users;

import java.util.Map;
import org.apache.ibatis.builder.annotation.ProviderMethodResolver;
import org.apache.ibatis.jdbc.SQL;

public class UserSql implements ProviderMethodResolver {

    private static final String TABLE = "users";

    public String byRole(String role) {
        return new SQL() {{
            SELECT("id", "name");
            FROM(TABLE);
            WHERE("role = #{role}");
            ORDER_BY("name");
        }}.toString();
    }

    public String search(Map<String, Object> params) {
        return new SQL() {{
            SELECT("id, name, email");
            FROM("users u");
            LEFT_OUTER_JOIN("teams t ON t.id = u.team_id");
            if (params.get("name") != null) {
                WHERE("u.name LIKE #{name}");
            }
            if (params.get("email") != null) {
                WHERE("u.email = #{email}");
            }
        }}.toString();
    }

    public String everyone() {
        return new SQL().SELECT("*").FROM(TABLE).toString();
    }

    public String recent(int limit) {
        SQL sql = new SQL().SELECT("id", "name").FROM(TABLE);
        sql.ORDER_BY("created_at DESC");
        sql.LIMIT(limit);
        return sql.toString();
    }

    public String ofTeam(long team) {
        return "SELECT u.id, u.name FROM users u WHERE u.team_id = " + team;
    }

    public static String byEmail(String email) {
        return new SQL() {{
            SELECT("id, name");
            FROM(TABLE);
            WHERE("email = #{email}");
            OR();
            WHERE("alias = #{email}");
        }}.toString();
    }

    public String chooser(boolean active) {
        if (active) {
            return "SELECT id FROM users WHERE active";
        }
        return "SELECT id FROM users";
    }

    public String rename(long id, String name) {
        return new SQL() {{
            UPDATE(TABLE);
            SET("name = #{name}");
            WHERE("id = #{id}");
        }}.toString();
    }

    public String add(Object user) {
        return new SQL() {{
            INSERT_INTO(TABLE);
            VALUES("name", "#{name}");
            VALUES("email", "#{email}");
        }}.toString();
    }

    public String purge() {
        return new SQL().DELETE_FROM(TABLE).WHERE("deleted_at < now() - interval '30 days'").toString();
    }
}
