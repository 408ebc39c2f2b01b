package io.github.querylint.core.query;

/** The API family or file kind a query came from; {@link #id()} is what reports show. */
public enum QueryOrigin {
    JDBC("jdbc"),
    JDBC_TEMPLATE("jdbc-template"),
    JDBC_CLIENT("jdbc-client"),
    R2DBC_CLIENT("r2dbc-client"),
    JDBI("jdbi"),
    VERTX_SQL("vertx-sql"),
    DBUTILS("dbutils"),
    SQL2O("sql2o"),
    JPA("jpa"),
    HIBERNATE("hibernate"),
    PANACHE("panache"),
    QUERYDSL("querydsl"),
    JOOQ("jooq"),
    SPRING_BATCH("spring-batch"),
    SPRING_DATA_QUERY("spring-data-query"),
    SPRING_DATA_DERIVED("spring-data-derived"),
    SPRING_DATA_INHERITED("spring-data-inherited"),
    NAMED_QUERY("named-query"),
    MYBATIS_ANNOTATION("mybatis-annotation"),
    MYBATIS_XML("mybatis-xml"),
    MYBATIS_PLUS("mybatis-plus"),
    MIGRATION("migration"),
    SQL_FILE("sql-file");

    private final String id;

    QueryOrigin(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
