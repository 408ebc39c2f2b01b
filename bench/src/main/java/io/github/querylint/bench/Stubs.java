package io.github.querylint.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** Just enough of the Spring, JPA and Jakarta APIs for a generated reactor to compile without them. */
final class Stubs {

    private Stubs() {
    }

    /** Qualified type name to source text. */
    static final Map<String, String> ALL = new LinkedHashMap<>();

    static {
        ALL.put("org.springframework.jdbc.core.JdbcTemplate", """
                package org.springframework.jdbc.core;

                public class JdbcTemplate {
                    public java.util.List<java.util.Map<String, Object>> queryForList(String sql, Object... args) {
                        return java.util.List.of();
                    }

                    public java.util.Map<String, Object> queryForMap(String sql, Object... args) {
                        return java.util.Map.of();
                    }

                    public <T> T queryForObject(String sql, Class<T> type, Object... args) {
                        return null;
                    }

                    public int update(String sql, Object... args) {
                        return 0;
                    }
                }
                """);
        ALL.put("jakarta.persistence.TypedQuery", """
                package jakarta.persistence;

                public interface TypedQuery<T> {
                    TypedQuery<T> setParameter(String name, Object value);

                    TypedQuery<T> setFirstResult(int first);

                    TypedQuery<T> setMaxResults(int max);

                    java.util.List<T> getResultList();

                    T getSingleResult();
                }
                """);
        ALL.put("jakarta.persistence.Query", """
                package jakarta.persistence;

                public interface Query {
                    Query setParameter(int position, Object value);

                    @SuppressWarnings("rawtypes")
                    java.util.List getResultList();
                }
                """);
        ALL.put("jakarta.persistence.EntityManager", """
                package jakarta.persistence;

                public interface EntityManager {
                    <T> TypedQuery<T> createQuery(String jpql, Class<T> type);

                    Query createNativeQuery(String sql);
                }
                """);
        ALL.put("org.springframework.data.domain.Pageable", """
                package org.springframework.data.domain;

                public interface Pageable {
                }
                """);
        ALL.put("org.springframework.data.domain.Page", """
                package org.springframework.data.domain;

                public interface Page<T> extends Iterable<T> {
                }
                """);
        ALL.put("org.springframework.data.repository.CrudRepository", """
                package org.springframework.data.repository;

                public interface CrudRepository<T, ID> {
                }
                """);
        ALL.put("org.springframework.data.jpa.repository.JpaRepository", """
                package org.springframework.data.jpa.repository;

                public interface JpaRepository<T, ID> extends org.springframework.data.repository.CrudRepository<T, ID> {
                }
                """);
        ALL.put("org.springframework.data.jpa.repository.Query", """
                package org.springframework.data.jpa.repository;

                @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                public @interface Query {
                    String value() default "";

                    boolean nativeQuery() default false;
                }
                """);
    }
}
