package shop.dao;

import java.util.List;
import java.util.Optional;
import javax.persistence.EntityManager;
import org.hibernate.Query;
import org.hibernate.Session;
import org.springframework.jdbc.core.JdbcTemplate;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;

/** Lists read whole, of which the code keeps the first row only, or more. */
class UserDao {

    private Session session;
    private EntityManager em;
    private JdbcTemplate jdbc;
    private UserMapper userMapper;

    interface UserMapper extends BaseMapper<User> {
    }

    // the first row only: a list, then get(0) behind an emptiness test
    User byLogin(String name, String password) {
        Query q = session.createQuery("from User u where u.userName = :name and u.password = :password");
        q.setParameter("name", name);
        q.setParameter("password", password);
        List<User> users = q.list();
        if (users != null && users.size() > 0) {
            return users.get(0);
        }
        return null;
    }

    // the first row only, chained
    User newest() {
        return (User) em.createQuery("select u from User u order by u.created desc").getResultList().get(0);
    }

    // the first row only, through a stream
    Optional<User> anyAdmin() {
        return em.createQuery("select u from User u where u.role = 'ADMIN'", User.class).getResultList().stream().findFirst();
    }

    // the first row only, JdbcTemplate, with CollectionUtils' test
    String latestRate(String currency) {
        List<String> rates = jdbc.queryForList("SELECT rate FROM rates WHERE currency = ? ORDER BY day DESC", String.class, currency);
        return org.springframework.util.CollectionUtils.isEmpty(rates) ? null : rates.get(0);
    }

    // the first row only, through a helper that takes the first element
    String lastLogin(long userId) {
        List<String> logins = jdbc.queryForList("SELECT at FROM logins WHERE user_id = ? ORDER BY at DESC", String.class, userId);
        return cn.hutool.core.collection.CollUtil.getFirst(logins);
    }

    // the first row only: the helper takes it straight from the call
    User anyUser() {
        return cn.hutool.core.collection.CollUtil.getFirst(em.createQuery("select u from User u", User.class).getResultList());
    }

    // every row: the list goes back to the caller
    List<User> team(long teamId) {
        List<User> users = em.createQuery("select u from User u where u.team.id = :team", User.class)
                .setParameter("team", teamId).getResultList();
        if (users.isEmpty()) {
            return List.of();
        }
        return users;
    }

    // every row: iterated after its first is looked at
    String names(long teamId) {
        List<User> users = em.createQuery("select u from User u where u.teamId = :team", User.class)
                .setParameter("team", teamId).getResultList();
        StringBuilder sb = new StringBuilder(users.get(0).getName());
        for (User u : users) {
            sb.append(u.getName());
        }
        return sb.toString();
    }

    // every row: its size is a count the caller sees
    int count(String role) {
        List<User> users = em.createQuery("select u from User u where u.role = :role", User.class)
                .setParameter("role", role).getResultList();
        int n = users.size();
        return n == 0 ? 0 : users.get(0).hashCode() + n;
    }

    // one row fetched: bounded already
    User oldest() {
        return em.createQuery("select u from User u order by u.created", User.class).setMaxResults(1).getResultList().get(0);
    }

    // the first row only, MyBatis-Plus
    User firstOfDepartment(long dept) {
        List<User> users = userMapper.selectList(new LambdaQueryWrapper<User>().eq(User::getDeptId, dept));
        return users.isEmpty() ? null : users.get(0);
    }

    // every row, MyBatis-Plus: the list is handed on
    List<User> department(long dept) {
        return userMapper.selectList(new LambdaQueryWrapper<User>().eq(User::getDeptId, dept));
    }
}
